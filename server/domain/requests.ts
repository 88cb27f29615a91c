// Interview requests: ask, cancel, accept for a slot, decline. Every booking rule lives here
// (a rep's proposed time, in proposals.ts, is checked with the same `bookingProblem`).
import type { Slot } from '../../shared/protocol.ts';
import { askRefusal } from './askAgain.ts';
import { boothBySlug, NO_BOOTH } from './booths.ts';
import { record, refuse, type Decision } from './decision.ts';
import { requestsOfBooth, requestsOfStudent } from './indexes.ts';
import { introductionId } from './introductions.ts';
import { profileOf } from './profiles.ts';
import { allSlots, clockLabel, overlaps, windowsEnd } from './slots.ts';
import type { FairState, InterviewRequest, Rep } from './types.ts';

/** A request still in play: one per student and booth at a time. */
const isOpen = (r: InterviewRequest) => r.status === 'pending' || r.status === 'accepted' || r.status === 'proposed';
/** A booked interview, or a time a rep proposed: held for that rep until the student answers. */
export const holdsRepSlot = (r: InterviewRequest) => (r.status === 'accepted' || r.status === 'proposed') && r.slot !== undefined;

export function requestInterview(
  state: FairState,
  input: { studentId: string; slug: string; note: string; requestId: string },
  now: Date,
): Decision {
  const booth = boothBySlug(state, input.slug);
  if (!booth) return refuse('NOT_FOUND', NO_BOOTH);
  if (!state.introductions.has(introductionId(booth.id, input.studentId))) {
    return refuse('CONFLICT', `Share your details with ${booth.employer} first, so they know who is asking.`);
  }
  const open = requestsOfStudent(state, input.studentId).find((r) => r.boothId === booth.id && isOpen(r));
  if (open) return refuse('CONFLICT', `You already have a ${open.status} request with ${booth.employer}. Cancel it first to ask again.`);
  const refusal = askRefusal(state, input.studentId, booth, now);
  if (refusal) return refuse('CONFLICT', refusal);
  if (booth.status === 'full') return refuse('CONFLICT', `${booth.employer} is not taking more interview requests today.`);
  if (now >= windowsEnd(state.fair)) return refuse('CONFLICT', `${booth.employer}'s interview windows are over for today.`);
  const at = now.toISOString();
  return record({
    type: 'request.made',
    request: { id: input.requestId, boothId: booth.id, studentId: input.studentId, note: input.note, status: 'pending', createdAt: at, updatedAt: at },
  });
}

export function cancelRequest(state: FairState, input: { studentId: string; requestId: string }, now: Date): Decision {
  const request = state.requests.get(input.requestId);
  if (!request || request.studentId !== input.studentId) return refuse('NOT_FOUND', 'That request does not exist. Reload the page.');
  if (!isOpen(request)) return refuse('CONFLICT', `That request is already ${request.status}.`);
  // Its time has come: the booth records whether the student came (outcomes.ts), not a cancel.
  if (request.status === 'accepted' && request.slot && request.slot.start <= now.toISOString()) {
    const employer = state.booths.get(request.boothId)?.employer ?? 'the booth';
    return refuse('CONFLICT', `Your interview with ${employer} started at ${clockLabel(request.slot.start, state.fair.timeZone)}, so it cannot be cancelled any more.`);
  }
  return record({ type: 'request.cancelled', requestId: request.id, at: now.toISOString() });
}

/** Where a rep acts on a request: it must exist, be for the rep's booth, and still be pending. */
function pendingForRep(state: FairState, rep: Rep, requestId: string): { request: InterviewRequest } | { error: Decision } {
  const request = state.requests.get(requestId);
  if (!request || request.boothId !== rep.boothId) return { error: refuse('NOT_FOUND', 'That request does not exist. Reload the page.') };
  const tz = state.fair.timeZone;
  const by = state.reps.get(request.repId ?? '')?.name ?? 'another rep';
  const when = request.slot ? clockLabel(request.slot.start, tz) : '';
  switch (request.status) {
    case 'pending':
      return { request };
    case 'accepted':
      return { error: refuse('CONFLICT', `Already accepted by ${by}${when && ` for ${when}`}.`) };
    case 'proposed':
      return { error: refuse('CONFLICT', `${by} already proposed ${when}; waiting for the student to answer.`) };
    case 'declined':
      return { error: refuse('CONFLICT', `Already declined by ${by}.`) };
    case 'cancelled':
      return { error: refuse('CONFLICT', 'The student cancelled this request.') };
    case 'expired':
      return { error: refuse('CONFLICT', 'This request expired: the interview windows are over.') };
    default: {
      const never: never = request.status;
      return { error: refuse('INTERNAL', `Unknown status ${String(never)}`) };
    }
  }
}

/** The slots this rep could offer this student: upcoming, and free for both of them. */
export function freeSlots(state: FairState, rep: Rep, studentId: string, now: Date): Slot[] {
  // A rep's requests are all at the rep's booth.
  const busy = [
    ...requestsOfBooth(state, rep.boothId).filter((r) => holdsRepSlot(r) && r.repId === rep.id),
    ...requestsOfStudent(state, studentId).filter((r) => r.status === 'accepted' && r.slot),
  ];
  const from = now.toISOString();
  return allSlots(state.fair).filter((s) => s.start > from && !busy.some((r) => overlaps(r.slot!, s)));
}

/** The fair's slot starting at `start`, or undefined if no slot starts then. */
function slotAt(state: FairState, start: string): Slot | undefined {
  const wanted = Date.parse(start);
  return allSlots(state.fair).find((s) => Date.parse(s.start) === wanted);
}

/**
 * Why `slot` cannot be booked for `request` with `rep`, in words for whoever is acting (the rep
 * accepting or proposing, or the student confirming a proposal); undefined if it can.
 */
export function bookingProblem(state: FairState, rep: Rep, request: InterviewRequest, slot: Slot, now: Date, actor: 'rep' | 'student'): Decision | undefined {
  const tz = state.fair.timeZone;
  const at = clockLabel(slot.start, tz);
  const employer = state.booths.get(request.boothId)?.employer ?? 'The booth';
  if (slot.start <= now.toISOString()) {
    return refuse('CONFLICT', actor === 'rep' ? `${at} has already started. Pick a later slot.` : `${at} has already started. Decline it, and ${employer} can propose another time.`);
  }
  const next = () => {
    const free = freeSlots(state, rep, request.studentId, now);
    const after = free.find((s) => s.start > slot.start) ?? free[0];
    return after ? ` Next free slot: ${clockLabel(after.start, tz)}.` : ' There are no free slots left today.';
  };
  const overlapping = (r: InterviewRequest) => r.id !== request.id && r.slot !== undefined && overlaps(r.slot, slot);
  const repHas = requestsOfBooth(state, rep.boothId).find((r) => overlapping(r) && holdsRepSlot(r) && r.repId === rep.id);
  if (repHas) {
    if (actor === 'student') return refuse('CONFLICT', `${at} was just given to someone else. Decline it, and ${employer} can propose another time.`);
    return refuse('CONFLICT', repHas.status === 'accepted'
      ? `You already have an interview at ${at}.${next()}`
      : `You already proposed ${at} to another student.${next()}`);
  }
  const clash = requestsOfStudent(state, request.studentId).find((r) => overlapping(r) && r.status === 'accepted');
  if (clash) {
    const where = state.booths.get(clash.boothId)?.employer ?? 'another booth';
    if (actor === 'student') return refuse('CONFLICT', `You already have an interview at ${at} with ${where}. Cancel that one first, or decline this time.`);
    const student = state.students.get(request.studentId);
    const name = student ? profileOf(student).name : 'The student';
    // The rep learns that the time is taken, never where or at what time the other interview
    // starts: which other employers a student sees is the student's business, not this booth's.
    return refuse('CONFLICT', `${name} is not free at ${at}.${next()}`);
  }
  return undefined;
}

/** Where the interview takes place: the booth's interview place, else the booth itself. */
function placeOf(state: FairState, boothId: string): string {
  const booth = state.booths.get(boothId);
  return booth?.place || (booth?.booth ? `Booth ${booth.booth}` : (booth?.employer ?? ''));
}

export function acceptRequest(state: FairState, rep: Rep, input: { requestId: string; start: string }, now: Date): Decision {
  return offerSlot(state, rep, input, now, 'request.accepted');
}

/** Accepting and proposing check the same: a pending request of the rep's booth, a real slot, free for both. */
export function offerSlot(
  state: FairState, rep: Rep, input: { requestId: string; start: string }, now: Date, type: 'request.accepted' | 'request.proposed',
): Decision {
  const found = pendingForRep(state, rep, input.requestId);
  if ('error' in found) return found.error;
  const slot = slotAt(state, input.start);
  if (!slot) return refuse('INVALID', 'That time is not one of the interview slots. Pick a slot from the list.');
  const problem = bookingProblem(state, rep, found.request, slot, now, 'rep');
  if (problem) return problem;
  return record({ type, requestId: found.request.id, repId: rep.id, slot, place: placeOf(state, rep.boothId), at: now.toISOString() });
}

export function declineRequest(state: FairState, rep: Rep, input: { requestId: string; message: string }, now: Date): Decision {
  const found = pendingForRep(state, rep, input.requestId);
  if ('error' in found) return found.error;
  return record({ type: 'request.declined', requestId: found.request.id, repId: rep.id, message: input.message, at: now.toISOString() });
}
