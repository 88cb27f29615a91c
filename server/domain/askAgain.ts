// No pestering: once a booth declined a student, the student cannot send that booth a new request
// that day; a student who cancels may ask once more, but a second cancel closes it too. The booth
// can invite the student again from its tablet, which gives them a fresh start with that booth:
// only what happened since the booth's latest invitation counts.
import { record, refuse, type Decision } from './decision.ts';
import { requestsOfStudent } from './indexes.ts';
import { introductionId } from './introductions.ts';
import { clockLabel, dayAround, windowsEnd } from './slots.ts';
import type { Booth, FairState, InterviewRequest, Rep } from './types.ts';
import { compareInstants } from '../../shared/time.ts';

const INVITE_HINT = 'If they want to talk, they can invite you from their tablet.';
const NO_REQUEST = 'That request does not exist. Reload the page.';

/** The student's requests to this booth made on the day of `now` (in the fair's time zone), oldest first. */
function todaysRequests(state: FairState, studentId: string, boothId: string, now: Date): InterviewRequest[] {
  const day = dayAround(now, state.fair.timeZone);
  return requestsOfStudent(state, studentId)
    .filter((r) => r.boothId === boothId && r.createdAt >= day.start && r.createdAt < day.end)
    .sort((a, b) => compareInstants(a.createdAt, b.createdAt));
}

/** Why the student may not send this booth a new request now, as a sentence; undefined if they may. */
export function askRefusal(state: FairState, studentId: string, booth: Booth, now: Date): string | undefined {
  const asked = todaysRequests(state, studentId, booth.id, now);
  const since = asked.slice(asked.findLastIndex((r) => r.invitedAt !== undefined) + 1);
  if (since.some((r) => r.status === 'declined')) {
    return `${booth.employer} declined your request today, so you cannot ask them again. ${INVITE_HINT}`;
  }
  if (since.filter((r) => r.status === 'cancelled').length >= 2) {
    return `You cancelled twice with ${booth.employer}, so you cannot ask them again today. ${INVITE_HINT}`;
  }
  return undefined;
}

/** A rep asks a student the booth declined (or who cancelled) to send a new request after all. */
export function inviteAgain(state: FairState, rep: Rep, input: { requestId: string }, now: Date): Decision {
  const request = state.requests.get(input.requestId);
  // Withdrawn: the booth no longer sees the student, so it has nobody to invite.
  if (!request || request.boothId !== rep.boothId || !state.introductions.has(introductionId(request.boothId, request.studentId))) {
    return refuse('NOT_FOUND', NO_REQUEST);
  }
  if (request.status !== 'declined' && request.status !== 'cancelled') {
    return refuse('CONFLICT', request.status === 'expired'
      ? 'This request expired: the interview windows are over.'
      : `This request is still ${request.status}: answer it instead of inviting the student again.`);
  }
  const latest = requestsOfStudent(state, request.studentId)
    .filter((r) => r.boothId === request.boothId)
    .reduce((a, b) => (b.createdAt >= a.createdAt ? b : a));
  if (latest.id !== request.id) return refuse('CONFLICT', 'The student has sent a newer request since. Answer that one instead.');
  if (request.invitedAt) {
    return refuse('CONFLICT', `The student was already invited at ${clockLabel(request.invitedAt, state.fair.timeZone)}; they can send a new request now.`);
  }
  if (now >= windowsEnd(state.fair)) return refuse('CONFLICT', 'The interview windows are over for today, so the student could not ask again.');
  return record({ type: 'request.invited', requestId: request.id, repId: rep.id, at: now.toISOString() });
}
