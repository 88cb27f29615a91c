// Interview requests: ask, cancel, accept for a slot, decline. Every booking rule lives here.
import type { Slot } from '../../shared/protocol.ts';
import { record, refuse, type Decision } from './decision.ts';
import { allSlots, clockLabel, overlaps } from './slots.ts';
import type { FairState, InterviewRequest, Rep } from './state.ts';
import { boothBySlug, introductionId, NO_BOOTH } from './students.ts';

const isOpen = (r: InterviewRequest) => r.status === 'pending' || r.status === 'accepted';

export function requestInterview(
  state: FairState,
  input: { studentId: string; slug: string; note: string; requestId: string },
  now: Date,
): Decision {
  const booth = boothBySlug(state, input.slug);
  if (!booth) return refuse('NOT_FOUND', NO_BOOTH);
  if (!state.introductions[introductionId(booth.id, input.studentId)]) {
    return refuse('CONFLICT', `Share your details with ${booth.employer} first, so they know who is asking.`);
  }
  const open = Object.values(state.requests).find((r) => r.boothId === booth.id && r.studentId === input.studentId && isOpen(r));
  if (open) return refuse('CONFLICT', `You already have a ${open.status} request with ${booth.employer}. Cancel it first to ask again.`);
  if (booth.status === 'full') return refuse('CONFLICT', `${booth.employer} is not taking more interview requests today.`);
  const at = now.toISOString();
  return record({
    type: 'request.made',
    request: { id: input.requestId, boothId: booth.id, studentId: input.studentId, note: input.note, status: 'pending', createdAt: at, updatedAt: at },
  });
}

export function cancelRequest(state: FairState, input: { studentId: string; requestId: string }, now: Date): Decision {
  const request = state.requests[input.requestId];
  if (!request || request.studentId !== input.studentId) return refuse('NOT_FOUND', 'That request does not exist. Reload the page.');
  if (!isOpen(request)) return refuse('CONFLICT', `That request is already ${request.status}.`);
  return record({ type: 'request.cancelled', requestId: request.id, at: now.toISOString() });
}

/** Where a rep acts on a request: it must exist, be for the rep's booth, and still be pending. */
function pendingForRep(state: FairState, rep: Rep, requestId: string): { request: InterviewRequest } | { error: Decision } {
  const request = state.requests[requestId];
  if (!request || request.boothId !== rep.boothId) return { error: refuse('NOT_FOUND', 'That request does not exist. Reload the page.') };
  if (request.status === 'pending') return { request };
  const tz = state.fair.timeZone;
  switch (request.status) {
    case 'accepted': {
      const by = state.reps[request.repId ?? '']?.name ?? 'another rep';
      const when = request.slot ? ` for ${clockLabel(request.slot.start, tz)}` : '';
      return { error: refuse('CONFLICT', `Already accepted by ${by}${when}.`) };
    }
    case 'declined':
      return { error: refuse('CONFLICT', `Already declined by ${state.reps[request.repId ?? '']?.name ?? 'another rep'}.`) };
    case 'cancelled':
      return { error: refuse('CONFLICT', 'The student cancelled this request.') };
    default: {
      const never: never = request.status;
      return { error: refuse('INTERNAL', `Unknown status ${String(never)}`) };
    }
  }
}

/** The slots this rep could offer this student: upcoming, and free for both of them. */
export function freeSlots(state: FairState, rep: Rep, studentId: string, now: Date): Slot[] {
  const busy = Object.values(state.requests).filter(
    (r) => r.status === 'accepted' && r.slot && (r.repId === rep.id || r.studentId === studentId),
  );
  const from = now.toISOString();
  return allSlots(state.fair).filter((s) => s.start > from && !busy.some((r) => overlaps(r.slot!, s)));
}

export function acceptRequest(state: FairState, rep: Rep, input: { requestId: string; start: string }, now: Date): Decision {
  const found = pendingForRep(state, rep, input.requestId);
  if ('error' in found) return found.error;
  const { request } = found;
  const tz = state.fair.timeZone;
  const wanted = Date.parse(input.start);
  const slot = allSlots(state.fair).find((s) => Date.parse(s.start) === wanted);
  if (!slot) return refuse('INVALID', 'That time is not one of the interview slots. Pick a slot from the list.');
  if (slot.start <= now.toISOString()) return refuse('CONFLICT', `${clockLabel(slot.start, tz)} has already started. Pick a later slot.`);
  const next = () => {
    const free = freeSlots(state, rep, request.studentId, now);
    const after = free.find((s) => s.start > slot.start) ?? free[0];
    return after ? ` Next free slot: ${clockLabel(after.start, tz)}.` : ' There are no free slots left today.';
  };
  const accepted = Object.values(state.requests).filter((r) => r.status === 'accepted' && r.slot && overlaps(r.slot, slot));
  if (accepted.some((r) => r.repId === rep.id)) {
    return refuse('CONFLICT', `You already have an interview at ${clockLabel(slot.start, tz)}.${next()}`);
  }
  const clash = accepted.find((r) => r.studentId === request.studentId);
  if (clash) {
    const name = state.students[request.studentId]?.profile.name ?? 'The student';
    const where = state.booths[clash.boothId]?.employer ?? 'another booth';
    return refuse('CONFLICT', `${name} already has an interview at ${clockLabel(clash.slot!.start, tz)} with ${where}.${next()}`);
  }
  const booth = state.booths[rep.boothId];
  const place = booth?.place || (booth?.booth ? `Booth ${booth.booth}` : (booth?.employer ?? ''));
  return record({ type: 'request.accepted', requestId: request.id, repId: rep.id, slot, place, at: now.toISOString() });
}

export function declineRequest(state: FairState, rep: Rep, input: { requestId: string; message: string }, now: Date): Decision {
  const found = pendingForRep(state, rep, input.requestId);
  if ('error' in found) return found.error;
  return record({ type: 'request.declined', requestId: found.request.id, repId: rep.id, message: input.message, at: now.toISOString() });
}
