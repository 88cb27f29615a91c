// Student rules: the profile, and consent to share it with a booth (the introduction).
import { PROFILE_FIELDS, type Profile, type ProfileField } from '../../shared/schema.ts';
import { boothBySlug, NO_BOOTH } from './booths.ts';
import { record, refuse, type Decision } from './decision.ts';
import { introductionId } from './introductions.ts';
import { profileOf } from './profiles.ts';
import type { FairState } from './types.ts';

export function saveProfile(_state: FairState, input: { studentId: string; profile: Profile }, now: Date): Decision {
  return record({ type: 'profile.saved', studentId: input.studentId, profile: input.profile, at: now.toISOString() });
}

/** Consent to share: recorded once per booth, with the time and the fields shared. */
export function shareDetails(state: FairState, input: { studentId: string; slug: string }, now: Date): Decision {
  const booth = boothBySlug(state, input.slug);
  if (!booth) return refuse('NOT_FOUND', NO_BOOTH);
  const student = state.students.get(input.studentId);
  if (!student) return refuse('CONFLICT', 'Fill in your name and email first, then share them.');
  const id = introductionId(booth.id, student.id);
  if (state.introductions.has(id)) return record(); // a second scan is not a second introduction
  const profile = profileOf(student);
  const fields = PROFILE_FIELDS.filter((f): f is ProfileField => profile[f] !== '');
  return record({
    type: 'introduction.made',
    introduction: { id, boothId: booth.id, studentId: student.id, sharedAt: now.toISOString(), fields },
  });
}
