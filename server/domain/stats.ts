// The organiser's counts: a view of the state, used by the admin socket, its live updates and
// the purge's answer over HTTP alike. What a purge or an erasure removed still counts (dayCounts.ts
// keeps it as `state.purged`), so the day's figures outlive the data.
import type { AdminStats, QuarterFigures } from '../../shared/protocol.ts';
import { introductionCountOfBooth } from './indexes.ts';
import { dayAround, zonedTime } from './slots.ts';
import { QUARTER_MS, quarterOf, quarterStart, timelineOf } from './timeline.ts';
import type { FairSettings } from '../../shared/schema.ts';
import type { FairState } from './types.ts';

/** A booth's introductions of the day: those held now, and those a purge or an erasure removed. */
export const introductionsOfTheDay = (state: FairState, boothId: string): number =>
  (state.purged?.booths[boothId]?.introductions ?? 0) + introductionCountOfBooth(state, boothId);

/**
 * The organiser's live counts, per booth and in all. `tabletsOnline`: each booth's tablets connected
 * now, a fact of the sockets that the caller counts (realtime/tablets.ts); absent, none.
 */
export function adminStats(state: FairState, tabletsOnline: ReadonlyMap<string, number> = new Map()): AdminStats {
  const before = state.purged;
  // Introductions counted by the index: walking 100,000 of them every second held the loop ~9 ms.
  const perBooth = new Map([...state.booths.values()].map((booth) => [booth.id, {
    id: booth.id,
    employer: booth.employer,
    booth: booth.booth,
    status: booth.status,
    introductions: introductionsOfTheDay(state, booth.id),
    pending: 0,
    accepted: before?.booths[booth.id]?.accepted ?? 0,
    tabletsOnline: tabletsOnline.get(booth.id) ?? 0,
  }]));
  let accepted = 0;
  let attended = 0;
  for (const request of state.requests.values()) {
    const booth = perBooth.get(request.boothId);
    if (request.status === 'accepted') {
      accepted++;
      if (request.outcome === 'attended') attended++;
    }
    if (booth && (request.status === 'pending' || request.status === 'accepted')) booth[request.status]++;
  }
  return {
    students: (before?.students ?? 0) + state.students.size,
    introductions: (before?.introductions ?? 0) + state.introductions.size,
    requests: (before?.requests ?? 0) + state.requests.size,
    accepted: (before?.accepted ?? 0) + accepted,
    attended: (before?.attended ?? 0) + attended,
    booths: [...perBooth.values()],
    day: { date: state.fair.date, timeZone: state.fair.timeZone, quarters: dayQuarters(state) },
  };
}

/**
 * Introductions and requests per quarter of an hour on the fair's date, in its time zone: from the
 * first interview window or the first activity, whichever is earlier, to the later of the last
 * window's end and the last activity. At most one day: 100 quarters (a day that turns the clocks back).
 */
export function dayQuarters(state: FairState): QuarterFigures[] {
  const { dayFirst, dayEnd, windowsFirst, windowsLast } = spanOf(state.fair);
  const held = timelineOf(state);
  const kept = state.purged?.quarters ?? {};
  const counted = (q: number) => ({
    introductions: (held.introductions.get(q) ?? 0) + (kept[quarterStart(q)]?.introductions ?? 0),
    requests: (held.requests.get(q) ?? 0) + (kept[quarterStart(q)]?.requests ?? 0),
  });
  // The span: the windows, widened to every quarter of the day that has something in it.
  let [first, last] = [windowsFirst, windowsLast];
  const active = (q: number) => held.introductions.has(q) || held.requests.has(q) || kept[quarterStart(q)] !== undefined;
  for (let q = dayFirst; q < first; q++) if (active(q)) { first = q; break; }
  for (let q = dayEnd - 1; q > last; q--) if (active(q)) { last = q; break; }
  first = Math.max(first, dayFirst);
  last = Math.min(last, dayEnd - 1);
  const quarters: QuarterFigures[] = [];
  for (let q = first; q <= last; q++) quarters.push({ start: quarterStart(q), ...counted(q) });
  return quarters;
}

interface Span { dayFirst: number; dayEnd: number; windowsFirst: number; windowsLast: number }
/** Per settings object (a change puts a new one in the state): each zoned time builds Intl formatters. */
const spans = new WeakMap<FairSettings, Span>();

/** The fair's day and its windows, in quarter numbers; the day's end and the windows' last quarter excluded and included. */
function spanOf(fair: FairSettings): Span {
  let span = spans.get(fair);
  if (span) return span;
  const { date, timeZone, windows } = fair;
  const day = dayAround(zonedTime(date, '12:00', timeZone), timeZone);
  const [dayFirst, dayEnd] = [quarterOf(day.start), quarterOf(day.end)];
  const starts = windows.map((w) => quarterOf(zonedTime(date, w.start, timeZone).toISOString()));
  const ends = windows.map((w) => Math.ceil(zonedTime(date, w.end, timeZone).getTime() / QUARTER_MS) - 1);
  // No window at all: the whole day.
  span = { dayFirst, dayEnd, windowsFirst: starts.length ? Math.min(...starts) : dayFirst, windowsLast: ends.length ? Math.max(...ends) : dayEnd - 1 };
  spans.set(fair, span);
  return span;
}
