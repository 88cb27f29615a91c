// "Propose another time": a rep offers a slot instead of accepting; the student confirms it
// (→ accepted, with the booking rules checked again at that moment) or declines it (→ pending
// again, so the booth can accept another time, propose one more, or decline).
import { record, refuse, type Decision } from './decision.ts';
import { bookingProblem, offerSlot } from './requests.ts';
import type { FairState, InterviewRequest, Rep } from './types.ts';

export function proposeTime(state: FairState, rep: Rep, input: { requestId: string; start: string }, now: Date): Decision {
  return offerSlot(state, rep, input, now, 'request.proposed');
}

/** The student's own request, still waiting for their answer to a proposed time. */
function proposalFor(state: FairState, studentId: string, requestId: string): { request: InterviewRequest } | { error: Decision } {
  const request = state.requests.get(requestId);
  if (!request || request.studentId !== studentId) return { error: refuse('NOT_FOUND', 'That request does not exist. Reload the page.') };
  if (request.status !== 'proposed' || !request.slot) {
    return { error: refuse('CONFLICT', `There is no proposed time to answer any more: the request is ${request.status}.`) };
  }
  return { request };
}

export function confirmProposal(state: FairState, input: { studentId: string; requestId: string }, now: Date): Decision {
  const found = proposalFor(state, input.studentId, input.requestId);
  if ('error' in found) return found.error;
  const { request } = found;
  const rep: Rep | undefined = state.reps.get(request.repId ?? '');
  if (!rep || rep.revokedAt) return refuse('CONFLICT', 'The rep who proposed this time has left the booth. Decline it, and the booth can answer again.');
  const problem = bookingProblem(state, rep, request, request.slot!, now, 'student');
  if (problem) return problem;
  return record({ type: 'request.confirmed', requestId: request.id, at: now.toISOString() });
}

export function declineProposal(state: FairState, input: { studentId: string; requestId: string }, now: Date): Decision {
  const found = proposalFor(state, input.studentId, input.requestId);
  if ('error' in found) return found.error;
  return record({ type: 'request.proposalDeclined', requestId: found.request.id, at: now.toISOString() });
}
