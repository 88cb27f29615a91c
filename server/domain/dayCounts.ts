// The day's counts that outlive the data. A purge removes everyone and an erasure one student, but
// the organiser's figures of the day (students, introductions, requests, accepted interviews, per
// booth) are counts, not personal data: what a wipe removes is added to `state.purged` first, and
// the organiser's views (stats.ts) add it to what is still held.
import { requestsOfStudent } from './indexes.ts';
import type { DayCounts, FairState, InterviewRequest, Introduction, PurgedCounts } from './types.ts';

/**
 * What the records held now add to the day's counts: all of them (a purge), or one student's (an
 * erasure, counted by its decision before its own cancellations turn accepted interviews into
 * cancelled ones and its withdrawals take the introductions away).
 */
export function heldCounts(state: FairState, studentId?: string): DayCounts {
  const mine = <T extends { studentId: string }>(items: Iterable<T>): T[] =>
    studentId === undefined ? [...items] : [...items].filter((item) => item.studentId === studentId);
  const introductions: Introduction[] = mine(state.introductions.values());
  const requests: InterviewRequest[] = studentId === undefined ? [...state.requests.values()] : requestsOfStudent(state, studentId);
  const booths: DayCounts['booths'] = {};
  const boothCounts = (id: string) => (booths[id] ??= { introductions: 0, accepted: 0 });
  for (const intro of introductions) boothCounts(intro.boothId).introductions += 1;
  let accepted = 0;
  for (const request of requests) {
    if (request.status !== 'accepted') continue;
    accepted += 1;
    boothCounts(request.boothId).accepted += 1;
  }
  const students = studentId === undefined ? state.students.size : Number(state.students.has(studentId));
  return { students, introductions: introductions.length, requests: requests.length, accepted, booths };
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
  const sum = (key: 'students' | 'introductions' | 'requests' | 'accepted') => (before?.[key] ?? 0) + more[key];
  const kept: PurgedCounts = { students: sum('students'), introductions: sum('introductions'), requests: sum('requests'), accepted: sum('accepted'), booths };
  return at === undefined ? kept : { at, ...kept };
}
