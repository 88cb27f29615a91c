// How each interview-request event changes the request: the request part of `apply` (state.ts).
// Events are facts already decided: no checks here.
import { unknownEvent } from './eventTypes.ts';
import type { FairEvent, FairState, InterviewRequest } from './types.ts';

export type RequestEvent = Extract<FairEvent, { type: `request.${string}` }>;

export const isRequestEvent = (event: FairEvent): event is RequestEvent => event.type.startsWith('request.');

/** The request an event concerns, as it is in the state now. */
export const requestOf = (state: FairState, event: RequestEvent): InterviewRequest | undefined =>
  state.requests.get(event.type === 'request.made' ? event.request.id : event.requestId);

export function applyRequestEvent(state: FairState, event: RequestEvent): void {
  switch (event.type) {
    case 'request.made':
      // A copy: the state's request gets sequence numbers (feed.ts), the event stays as recorded.
      state.requests.set(event.request.id, { ...event.request });
      return;
    case 'request.cancelled':
      return update(state, event.requestId, { status: 'cancelled', updatedAt: event.at });
    case 'request.accepted':
      return update(state, event.requestId, { status: 'accepted', repId: event.repId, slot: event.slot, place: event.place, updatedAt: event.at });
    case 'request.declined':
      return update(state, event.requestId, { status: 'declined', repId: event.repId, message: event.message, updatedAt: event.at });
    case 'request.proposed': {
      const { slot, repId, place, at } = event;
      return update(state, event.requestId, { status: 'proposed', repId, slot, place, updatedAt: at, declinedSlot: undefined });
    }
    case 'request.confirmed':
      return update(state, event.requestId, { status: 'accepted', updatedAt: event.at });
    case 'request.proposalDeclined': {
      // Pending again, remembering the time the student could not make.
      const slot = state.requests.get(event.requestId)?.slot;
      return update(state, event.requestId, { status: 'pending', declinedSlot: slot, slot: undefined, repId: undefined, place: undefined, updatedAt: event.at });
    }
    case 'request.expired':
      return update(state, event.requestId, { status: 'expired', updatedAt: event.at });
    case 'request.outcomeSet':
      return update(state, event.requestId, { outcome: event.outcome, nextStep: event.nextStep || undefined, updatedAt: event.at });
    case 'request.invited':
      return update(state, event.requestId, { invitedAt: event.at, updatedAt: event.at });
    default: {
      const unknown: never = event;
      throw unknownEvent(unknown);
    }
  }
}

/**
 * Puts a new request in place of the old one, which stays as it was (see state.ts). `undefined` in
 * the patch removes that field (so db.json and views never carry it).
 */
function update(state: FairState, requestId: string, patch: Partial<InterviewRequest>): void {
  const request = state.requests.get(requestId);
  if (!request) return;
  const next: InterviewRequest = { ...request, ...patch };
  for (const key of Object.keys(patch) as (keyof InterviewRequest)[]) {
    if (patch[key] === undefined) delete next[key];
  }
  state.requests.set(requestId, next);
}
