// The payloads only a booth's tablet sends: the PIN behind the kiosk face, walk-up visitors, the
// booth's notes, ratings and tags, interview outcomes, invitations and referrals. Apart from
// schema.ts because the booth page loads that file, and its size budget has no room for these.
import * as v from 'valibot';
import { ActionId, EntityId, ProfileSchema, Slug } from './schema.ts';

const text = (max: number, what: string) =>
  v.pipe(v.string(`${what} must be text.`), v.trim(), v.maxLength(max, `${what} can be at most ${max} characters.`));

/** The PIN a rep chooses at pairing: it opens the rep view behind the kiosk face. */
export const Pin = v.pipe(v.string('Enter the PIN.'), v.regex(/^[0-9]{4,8}$/, 'A PIN is 4 to 8 digits.'));
export const UnlockInput = v.strictObject({ pin: Pin });
export const SignOutInput = v.strictObject({ id: ActionId });

export const WALK_UP_CONSENT = 'Tick the box to agree that this booth keeps your name and email.';
/** A visitor without a phone: the same fields and sentences as the phone's form, and the same explicit consent. */
export const WalkUpInput = v.strictObject({
  id: ActionId,
  name: ProfileSchema.entries.name,
  email: ProfileSchema.entries.email,
  phone: ProfileSchema.entries.phone,
  consent: v.literal(true, WALK_UP_CONSENT),
});

/** Handshake's scale for a visitor. */
export const RATING_LABELS = { 1: 'No', 2: 'Neutral', 3: 'Yes', 4: 'Strong yes' } as const;
export const DEFAULT_TAGS = ['intern', 'graduate', 'follow up'];
export const MAX_TAGS = 12;
const Tag = v.pipe(text(30, 'A tag'), v.nonEmpty('A tag cannot be empty.'));

export const NoteInput = v.strictObject({
  id: ActionId,
  introductionId: EntityId,
  notes: v.optional(text(2000, 'Notes'), ''),
  /** 0 clears the rating. */
  rating: v.optional(v.picklist([0, 1, 2, 3, 4], 'A rating is 1 (No) to 4 (Strong yes).'), 0),
  tags: v.optional(v.pipe(v.array(Tag, 'Tags are a list.'), v.maxLength(MAX_TAGS, `Pick at most ${MAX_TAGS} tags.`)), []),
});
export const BoothTagsInput = v.strictObject({
  id: ActionId,
  tags: v.pipe(v.array(Tag, 'Tags are a list.'), v.maxLength(MAX_TAGS, `Keep at most ${MAX_TAGS} tags.`)),
});

export const OutcomeInput = v.strictObject({
  id: ActionId,
  requestId: EntityId,
  outcome: v.picklist(['attended', 'noShow'], 'Say whether the student came (attended) or not (no-show).'),
  nextStep: v.optional(text(200, 'Next step'), ''),
});
export const InviteInput = v.strictObject({ id: ActionId, requestId: EntityId });

/** To another booth of the fair (by its address), or to a colleague who is not at the fair. */
export const ReferInput = v.strictObject({
  id: ActionId,
  introductionId: EntityId,
  note: v.optional(text(300, 'Your note'), ''),
  to: v.variant('kind', [
    v.strictObject({ kind: v.literal('booth'), slug: Slug }),
    v.strictObject({
      kind: v.literal('contact'),
      name: v.pipe(text(100, 'Name'), v.nonEmpty("Enter your colleague's name.")),
      role: v.optional(text(100, 'Role'), ''),
      email: v.pipe(text(200, 'Email'), v.nonEmpty("Enter your colleague's email."), v.email('Enter a valid email address, like sam@example.com.')),
    }),
  ], 'Refer the student to a booth or to a colleague.'),
});
