import type { BoothStatus } from '../../shared/protocol.ts';

const LABELS: Record<BoothStatus, string> = { open: 'Open', break: 'On a break', full: 'Full' };

export function StatusBadge(props: { status: BoothStatus }) {
  return <span class={`badge badge--${props.status}`}>{LABELS[props.status]}</span>;
}
