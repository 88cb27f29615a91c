// The organiser's counts: a view of the state, used by the admin socket, its live updates and
// the purge's answer over HTTP alike. What a purge or an erasure removed still counts (dayCounts.ts
// keeps it as `state.purged`), so the day's figures outlive the data.
import type { AdminStats } from '../../shared/protocol.ts';
import { introductionCountOfBooth } from './indexes.ts';
import type { FairState } from './types.ts';

/** A booth's introductions of the day: those held now, and those a purge or an erasure removed. */
export const introductionsOfTheDay = (state: FairState, boothId: string): number =>
  (state.purged?.booths[boothId]?.introductions ?? 0) + introductionCountOfBooth(state, boothId);

/** The organiser's live counts, per booth and in all. */
export function adminStats(state: FairState): AdminStats {
  const before = state.purged;
  // Introductions counted by the index: walking 100,000 of them every second held the loop ~9 ms.
  const perBooth = new Map([...state.booths.keys()].map((id) =>
    [id, { id, introductions: introductionsOfTheDay(state, id), pending: 0, accepted: before?.booths[id]?.accepted ?? 0 }]));
  let accepted = 0;
  const requests = [...state.requests.values()];
  for (const request of requests) {
    const booth = perBooth.get(request.boothId);
    if (request.status === 'accepted') accepted++;
    if (booth && (request.status === 'pending' || request.status === 'accepted')) booth[request.status]++;
  }
  return {
    students: (before?.students ?? 0) + state.students.size,
    introductions: (before?.introductions ?? 0) + state.introductions.size,
    requests: (before?.requests ?? 0) + requests.length,
    accepted: (before?.accepted ?? 0) + accepted,
    booths: [...perBooth.values()],
  };
}
