// A booth's visitors as its reps work with them: a visitor without a phone typed on the tablet,
// and the booth's own notes, rating and tags on each visitor, from the booth's own tag list.
import { DEFAULT_TAGS } from '../../shared/boothSchema.ts';
import type { Rating } from '../../shared/protocol.ts';
import { PROFILE_FIELDS, type Profile, type ProfileField } from '../../shared/schema.ts';
import { record, refuse, type Decision } from './decision.ts';
import { introductionId } from './introductions.ts';
import type { Assessment, FairState, Introduction, Rep } from './types.ts';

/** The same sentence whether the introduction is another booth's or none at all: a booth learns nothing of others. */
export const NO_VISITOR = 'That visitor is not on this booth\'s list. Reload the page.';

/** The booth's own visitor, or undefined (never another booth's). */
export function ownVisitor(state: FairState, rep: Rep, id: string): Introduction | undefined {
  const intro = state.introductions.get(id);
  return intro?.boothId === rep.boothId ? intro : undefined;
}

export const tagsOfBooth = (state: FairState, boothId: string): string[] => state.booths.get(boothId)?.tags ?? DEFAULT_TAGS;

/**
 * A visitor typed on the tablet: a student with the fields they typed, introduced to the rep's booth
 * with their consent (the schema requires the ticked box). `studentId` is made by the caller from the
 * booth and the email (ids.ts), so the same visitor typed twice is found, not made twice.
 */
export function recordWalkUp(
  state: FairState,
  rep: Rep,
  input: { studentId: string; name: string; email: string; phone: string },
  now: Date,
): Decision {
  const id = introductionId(rep.boothId, input.studentId);
  // Recorded already: nothing changes, and the typed name does not replace the one kept (whoever
  // types an email at the kiosk must not rename that visitor).
  if (state.introductions.has(id)) return record();
  const at = now.toISOString();
  const profile: Profile = { name: input.name, email: input.email, phone: input.phone, school: '', programme: '', graduationYear: '', link: '', interests: '' };
  const fields = PROFILE_FIELDS.filter((f): f is ProfileField => profile[f] !== '');
  return record(
    { type: 'profile.saved', studentId: input.studentId, profile, at, walkUp: true },
    { type: 'introduction.made', introduction: { id, boothId: rep.boothId, studentId: input.studentId, sharedAt: at, fields, walkUp: true } },
  );
}

/** Whether a walk-up with this id is on the rep's booth's list already. */
export const isWalkUpRecorded = (state: FairState, rep: Rep, studentId: string): boolean =>
  state.introductions.has(introductionId(rep.boothId, studentId));

/**
 * The booth's notes, rating (0 clears it) and tags on one of its visitors; they replace the ones
 * before. Tags come from the booth's list, spelled as the list spells them, each once.
 */
export function noteVisitor(
  state: FairState,
  rep: Rep,
  input: { introductionId: string; notes: string; rating: 0 | Rating; tags: readonly string[] },
  now: Date,
): Decision {
  const intro = ownVisitor(state, rep, input.introductionId);
  if (!intro) return refuse('NOT_FOUND', NO_VISITOR);
  const picked = fromList(tagsOfBooth(state, rep.boothId), input.tags);
  if ('unknown' in picked) return refuse('INVALID', picked.unknown);
  const before = intro.assessment;
  const rating = input.rating === 0 ? undefined : input.rating;
  if (before && before.notes === input.notes && before.rating === rating && before.tags.join('\n') === picked.tags.join('\n')) return record();
  const assessment: Assessment = { notes: input.notes, ...(rating !== undefined && { rating }), tags: picked.tags, repId: rep.id, at: now.toISOString() };
  return record({ type: 'introduction.noted', boothId: rep.boothId, studentId: intro.studentId, assessment });
}

function fromList(list: readonly string[], wanted: readonly string[]): { tags: string[] } | { unknown: string } {
  const byKey = new Map(list.map((tag) => [tag.toLowerCase(), tag]));
  const tags: string[] = [];
  for (const tag of wanted) {
    const known = byKey.get(tag.toLowerCase());
    if (known === undefined) {
      const choices = list.length > 0 ? `Pick from ${list.map((t) => `"${t}"`).join(', ')}, or add it to the booth's tags first.` : 'Add it to the booth\'s tags first.';
      return { unknown: `"${tag}" is not one of this booth's tags. ${choices}` };
    }
    if (!tags.includes(known)) tags.push(known);
  }
  return { tags };
}

/** The booth's tag list: each tag once (the first spelling wins), in the order the rep gave them. */
export function setBoothTags(state: FairState, rep: Rep, tags: readonly string[], now: Date): Decision {
  const kept: string[] = [];
  for (const tag of tags) if (!kept.some((k) => k.toLowerCase() === tag.toLowerCase())) kept.push(tag);
  if (kept.join('\n') === tagsOfBooth(state, rep.boothId).join('\n')) return record();
  return record({ type: 'booth.tagsSet', boothId: rep.boothId, tags: kept, repId: rep.id, at: now.toISOString() });
}
