import type { BoothStatus } from '../../shared/protocol.ts';
import { STATUS_LABELS } from '../../shared/boothStatus.ts';

export function StatusBadge(props: { status: BoothStatus }) {
  return <span class={`badge badge--${props.status}`}>{STATUS_LABELS[props.status]}</span>;
}
