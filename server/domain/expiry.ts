// Requests nobody answered in time: once the fair's last interview window has ended, a request
// still pending (or a proposed time still unanswered) can no longer become an interview.
import { record, type Decision } from './decision.ts';
import { windowsEnd } from './slots.ts';
import type { FairEvent, FairState } from './types.ts';

export function expireRequests(state: FairState, now: Date): Decision {
  if (now < windowsEnd(state.fair)) return record();
  const at = now.toISOString();
  const events: FairEvent[] = [...state.requests.values()]
    .filter((r) => r.status === 'pending' || r.status === 'proposed')
    .map((r) => ({ type: 'request.expired', requestId: r.id, at }));
  return record(...events);
}
