// The student's say over their data: withdraw one booth's access, or erase everything. And the
// organiser's purge after the day. The events carry ids, times and counts only: the journal must
// not keep a copy of what they remove.
import { boothBySlug, NO_BOOTH } from './booths.ts';
import { record, refuse, type Decision } from './decision.ts';
import { countsOf } from './dayCounts.ts';
import { requestsOfStudent } from './indexes.ts';
import { introductionId, introductionIdsOfStudent } from './introductions.ts';
import type { FairEvent, FairState, InterviewRequest } from './types.ts';

/** Requests still in play: a booth's tablets must see them end before the student goes. */
const isOpen = (r: InterviewRequest) => r.status === 'pending' || r.status === 'accepted' || r.status === 'proposed';

function cancelOpen(state: FairState, studentId: string, at: string, boothId?: string): FairEvent[] {
  return requestsOfStudent(state, studentId)
    .filter((r) => isOpen(r) && (boothId === undefined || r.boothId === boothId))
    .map((r) => ({ type: 'request.cancelled', requestId: r.id, at }));
}

/** The booth loses the student: their introduction goes, their open requests there are cancelled. */
export function withdrawConsent(state: FairState, input: { studentId: string; slug: string }, now: Date): Decision {
  const booth = boothBySlug(state, input.slug);
  if (!booth) return refuse('NOT_FOUND', NO_BOOTH);
  if (!state.introductions.has(introductionId(booth.id, input.studentId))) return record(); // never shared, or already withdrawn
  const at = now.toISOString();
  return record(
    ...cancelOpen(state, input.studentId, at, booth.id),
    { type: 'introduction.withdrawn', boothId: booth.id, studentId: input.studentId, at },
  );
}

/**
 * Everything about the student goes: open requests are cancelled and each booth's access is
 * withdrawn first (so every tablet drops them live), then the profile and all records go. Recorded
 * even when nothing is held (a repeat whose answer was lost): its record then forgets its own
 * action id as the first one did (actionKeys.ts), instead of leaving it in db.json.
 */
export function eraseStudent(state: FairState, input: { studentId: string }, now: Date): Decision {
  const { studentId } = input;
  const intros = introductionIdsOfStudent(state, studentId).map((id) => state.introductions.get(id)!);
  const at = now.toISOString();
  // Counted now, before the cancellations and withdrawals below: the day's figures keep the student
  // (aggregate counts are not personal data), as a purge keeps everyone's. Their booths are named
  // already by the withdrawals beside it, and the whole line goes with the scrub.
  const counts = countsOf({ students: Number(state.students.has(studentId)), introductions: intros, requests: requestsOfStudent(state, studentId) });
  return record(
    ...cancelOpen(state, studentId, at),
    ...intros.map((i): FairEvent => ({ type: 'introduction.withdrawn', boothId: i.boothId, studentId, at })),
    { type: 'student.erased', studentId, at, counts },
  );
}

/** After the day: every student, introduction, request and rep goes (tablets are signed out); booths and counts stay. */
export function purgeFair(_state: FairState, now: Date): Decision {
  return record({ type: 'fair.purged', at: now.toISOString() });
}
