// The day's chart in words: what a screen reader says for it, and the line under its title.
import type { QuarterFigures } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';

const QUARTER_MS = 15 * 60_000;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function daySummary(quarters: readonly QuarterFigures[], timeZone: string): string {
  const first = quarters[0];
  const last = quarters.at(-1);
  if (!first || !last) return 'No figures for the fair\'s day.';
  const span = `${clock(first.start, timeZone)} to ${clock(new Date(Date.parse(last.start) + QUARTER_MS).toISOString(), timeZone)}`;
  const introductions = quarters.reduce((n, q) => n + q.introductions, 0);
  const requests = quarters.reduce((n, q) => n + q.requests, 0);
  if (introductions + requests === 0) return `Nothing yet, ${span}.`;
  const busiest = quarters.reduce((best, q) => (q.introductions > best.introductions ? q : best), first);
  const peak = busiest.introductions > 0
    ? ` Busiest quarter: ${clock(busiest.start, timeZone)}, ${plural(busiest.introductions, 'introduction', 'introductions')}.`
    : '';
  return `${plural(introductions, 'introduction', 'introductions')} and ${plural(requests, 'request', 'requests')}, ${span}.${peak}`;
}
