// The day's counts that outlive the data. A purge removes everyone and an erasure one student, but
// the organiser's figures of the day (students, introductions, requests, accepted interviews, per
// booth, per quarter of an hour) are counts, not personal data: what a wipe removes is added to
// `state.purged` first, and the organiser's views (stats.ts) add it to what is still held.
import { quarterOf, quarterStart } from './timeline.ts';
import type { DayCounts, FairState, InterviewRequest, Introduction, PurgedCounts, QuarterCounts } from './types.ts';

/** Everything held now (a purge): what it adds to the day's counts. */
export const heldCounts = (state: FairState): DayCounts =>
  countsOf({ students: state.students.size, introductions: state.introductions.values(), requests: state.requests.values() });

/**
 * What these records add to the day's counts: all of them (a purge), or one student's (an erasure,
 * counted by its decision before its own cancellations turn accepted interviews into cancelled
 * ones and its withdrawals take the introductions away).
 */
export function countsOf(held: { students: number; introductions: Iterable<Introduction>; requests: Iterable<InterviewRequest> }): DayCounts {
  const booths: DayCounts['booths'] = {};
  const boothCounts = (id: string) => (booths[id] ??= { introductions: 0, accepted: 0 });
  const quarters: Record<string, QuarterCounts> = {};
  const quarterCounts = (iso: string) => (quarters[quarterStart(quarterOf(iso))] ??= { introductions: 0, requests: 0 });
  let introductions = 0;
  for (const intro of held.introductions) {
    introductions += 1;
    boothCounts(intro.boothId).introductions += 1;
    quarterCounts(intro.sharedAt).introductions += 1;
  }
  let requests = 0;
  let accepted = 0;
  let attended = 0;
  for (const request of held.requests) {
    requests += 1;
    quarterCounts(request.createdAt).requests += 1;
    if (request.status !== 'accepted') continue;
    accepted += 1;
    boothCounts(request.boothId).accepted += 1;
    if (request.outcome === 'attended') attended += 1;
  }
  // Left out when none: an erasure of a student who did nothing records no more than before.
  return {
    students: held.students, introductions, requests, accepted, booths,
    ...(attended > 0 && { attended }), ...(introductions + requests > 0 && { quarters }),
  };
}

/** `before` with `more` added; `at` is set by a purge and kept by an erasure. */
export function keepCounts(before: PurgedCounts | undefined, more: DayCounts, at = before?.at): PurgedCounts {
  const booths: DayCounts['booths'] = {};
  for (const [id, counts] of Object.entries(before?.booths ?? {})) booths[id] = { ...counts };
  for (const [id, counts] of Object.entries(more.booths)) {
    const kept = (booths[id] ??= { introductions: 0, accepted: 0 });
    kept.introductions += counts.introductions;
    kept.accepted += counts.accepted;
  }
  const quarters: Record<string, QuarterCounts> = {};
  for (const [start, counts] of Object.entries(before?.quarters ?? {})) quarters[start] = { ...counts };
  for (const [start, counts] of Object.entries(more.quarters ?? {})) {
    const kept = (quarters[start] ??= { introductions: 0, requests: 0 });
    kept.introductions += counts.introductions;
    kept.requests += counts.requests;
  }
  const sum = (key: 'students' | 'introductions' | 'requests' | 'accepted' | 'attended') => (before?.[key] ?? 0) + (more[key] ?? 0);
  const kept: PurgedCounts = {
    students: sum('students'), introductions: sum('introductions'), requests: sum('requests'), accepted: sum('accepted'), booths,
    attended: sum('attended'), quarters,
  };
  return at === undefined ? kept : { at, ...kept };
}
