// After a booked interview's time has come, a rep of the booth records whether the student came
// (attended / no-show) and the next step. It is the booth's record, never shown to the student,
// and any rep of the booth may set it again later (a correction).
import type { Outcome } from '../../shared/protocol.ts';
import { record, refuse, type Decision } from './decision.ts';
import { introductionId } from './introductions.ts';
import { clockLabel } from './slots.ts';
import type { FairState, Rep } from './types.ts';

export function setOutcome(
  state: FairState, rep: Rep, input: { requestId: string; outcome: Outcome; nextStep: string }, now: Date,
): Decision {
  const request = state.requests.get(input.requestId);
  // Withdrawn: the booth no longer sees the student's requests (views.ts), nor records on them.
  if (!request || request.boothId !== rep.boothId || !state.introductions.has(introductionId(request.boothId, request.studentId))) {
    return refuse('NOT_FOUND', 'That request does not exist. Reload the page.');
  }
  if (request.status !== 'accepted' || !request.slot) {
    return refuse('CONFLICT', `Only a booked interview can be marked attended or no-show; this request is ${request.status}.`);
  }
  if (request.slot.start > now.toISOString()) {
    return refuse('CONFLICT', `You can mark this once the interview's time has come, at ${clockLabel(request.slot.start, state.fair.timeZone)}.`);
  }
  // The same answer again changes nothing: no event, no push.
  if (request.outcome === input.outcome && (request.nextStep ?? '') === input.nextStep) return record();
  return record({
    type: 'request.outcomeSet', requestId: request.id, repId: rep.id, outcome: input.outcome, nextStep: input.nextStep, at: now.toISOString(),
  });
}
