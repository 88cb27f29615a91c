import type { BoothStatus } from '../../shared/protocol.ts';

export const STATUS_LABELS: Record<BoothStatus, string> = { open: 'Open', break: 'On a break', full: 'Full' };

export function StatusBadge(props: { status: BoothStatus }) {
  return <span class={`badge badge--${props.status}`}>{STATUS_LABELS[props.status]}</span>;
}
