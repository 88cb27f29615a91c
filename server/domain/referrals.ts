// A rep refers a visitor on: to another booth of the fair, or to a colleague who is not at the
// fair. The referral is the student's (it lives on the student and goes when they erase); the
// booth it names learns nothing of it until the student shares their details with that booth.
import { boothBySlug } from './booths.ts';
import { record, refuse, type Decision } from './decision.ts';
import type { FairState, Referral, Rep } from './types.ts';
import { NO_VISITOR, ownVisitor } from './visitors.ts';

export type ReferralTarget = { kind: 'booth'; slug: string } | { kind: 'contact'; name: string; role: string; email: string };

export function referStudent(
  state: FairState,
  rep: Rep,
  input: { introductionId: string; note: string; to: ReferralTarget; referralId: string },
  now: Date,
): Decision {
  const intro = ownVisitor(state, rep, input.introductionId);
  const student = intro && state.students.get(intro.studentId);
  if (!intro || !student) return refuse('NOT_FOUND', NO_VISITOR);
  if (intro.walkUp) return refuse('CONFLICT', 'This visitor was typed in on the tablet and has no phone page to receive a referral. Tell them in person where to go next.');
  // Only this booth's own referrals are compared: whether another booth referred the student too is not this booth's to learn.
  const ours = (student.referrals ?? []).filter((r) => r.fromBoothId === rep.boothId);
  const referral: Referral = { id: input.referralId, fromBoothId: rep.boothId, repId: rep.id, at: now.toISOString(), note: input.note };
  const { to } = input;
  if (to.kind === 'booth') {
    const target = boothBySlug(state, to.slug);
    if (!target) return refuse('NOT_FOUND', 'There is no booth at that address at this fair. Pick the booth from the list.');
    if (target.id === rep.boothId) return refuse('INVALID', 'A referral sends the student to another booth. Pick a booth other than your own.');
    if (ours.some((r) => r.toBoothId === target.id)) {
      return refuse('CONFLICT', `Your booth already referred this student to ${target.employer}. They see it on their phone.`);
    }
    referral.toBoothId = target.id;
  } else {
    if (ours.some((r) => r.contact?.email.toLowerCase() === to.email.toLowerCase())) {
      return refuse('CONFLICT', 'Your booth already referred this student to that colleague. They see the contact on their phone.');
    }
    referral.contact = { name: to.name, role: to.role, email: to.email };
  }
  return record({ type: 'referral.made', studentId: student.id, referral });
}

/** A referral by its id: the id is made at random (ids.ts), so knowing it is the right to its contact card. */
export function referralById(state: FairState, referralId: string): Referral | undefined {
  // A walk over the students: asked only when a student downloads a colleague's card, rare beside the rest.
  for (const student of state.students.values()) {
    const found = student.referrals?.find((r) => r.id === referralId);
    if (found) return found;
  }
  return undefined;
}
