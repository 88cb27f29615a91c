import type { AdminStats } from '../../shared/protocol.ts';
import type { FairState } from '../domain/state.ts';

/** The organiser's live counts, per booth and in all. */
export function adminStats(state: FairState): AdminStats {
  const perBooth = new Map(Object.keys(state.booths).map((id) => [id, { id, introductions: 0, pending: 0, accepted: 0 }]));
  for (const intro of Object.values(state.introductions)) {
    const booth = perBooth.get(intro.boothId);
    if (booth) booth.introductions++;
  }
  let accepted = 0;
  const requests = Object.values(state.requests);
  for (const request of requests) {
    const booth = perBooth.get(request.boothId);
    if (request.status === 'accepted') accepted++;
    if (booth && (request.status === 'pending' || request.status === 'accepted')) booth[request.status]++;
  }
  return {
    students: Object.keys(state.students).length,
    introductions: Object.keys(state.introductions).length,
    requests: requests.length,
    accepted,
    booths: [...perBooth.values()],
  };
}
