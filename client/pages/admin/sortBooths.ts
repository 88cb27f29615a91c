// The dashboard's booth table in the order the organiser picked: any column, either way.
import type { AdminStats } from '../../../shared/protocol.ts';

export type BoothRow = AdminStats['booths'][number];
export type SortKey = 'employer' | 'booth' | 'introductions' | 'pending' | 'accepted' | 'status' | 'tabletsOnline';
export type SortOrder = 'ascending' | 'descending';

const STATUS_ORDER = { open: 0, break: 1, full: 2 } as const;
const text = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }); // booth "B2" before "B10"

/** A column a person reads as text starts A→Z; a count starts with the most. */
export const firstOrder = (key: SortKey): SortOrder => (key === 'employer' || key === 'booth' || key === 'status' ? 'ascending' : 'descending');

function compare(a: BoothRow, b: BoothRow, key: SortKey): number {
  switch (key) {
    case 'employer':
    case 'booth':
      return text.compare(a[key], b[key]);
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    default:
      return a[key] - b[key];
  }
}

/** A new array; ties keep the employer's alphabetical order, so rows do not jump between pushes. */
export function sortBooths(rows: readonly BoothRow[], key: SortKey, order: SortOrder): BoothRow[] {
  const sign = order === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, key) || text.compare(a.employer, b.employer) || text.compare(a.booth, b.booth));
}
