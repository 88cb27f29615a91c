// What each audience may see, computed from the state. A booth sees a student only through
// an introduction, and only the fields the student agreed to share with that booth.
import type {
  AssessmentCard, BoothListItem, BoothPublic, ReferralCard, RepSelf, RepView, RequestCard, StudentCard, StudentReferral, StudentRequest,
  StudentView, Visit, VisitorCard,
} from '../../shared/protocol.ts';
import type { Profile, ProfileField } from '../../shared/schema.ts';
import { DEFAULT_TAGS } from '../../shared/boothSchema.ts';
import { introductionsOfBooth, repsOfBooth, requestsOfBooth, requestsOfStudent } from './indexes.ts';
import { introductionId } from './introductions.ts';
import { profileOf } from './profiles.ts';
import { askRefusal } from './askAgain.ts';
import { queueOf } from './queue.ts';
import type { Assessment, Booth, FairState, InterviewRequest, Introduction, Referral, Rep } from './types.ts';
import { compareInstants } from '../../shared/time.ts';

const newestFirst = <T>(at: (x: T) => string) => (a: T, b: T) => compareInstants(at(b), at(a));

/** How cards name a rep (a student sees the email too, once a time is set). */
const repCard = (rep: Rep) => ({ id: rep.id, name: rep.name, title: rep.title });

/** The booth's tablets still signed in (neither revoked nor signed out), by the index: not a walk over every booth's reps. */
export function signedInReps(state: FairState, boothId: string): Rep[] {
  return repsOfBooth(state, boothId).filter((r) => !r.revokedAt);
}

/**
 * The reps on duty, as every view of a booth names them: each person once. The same email (in any
 * case) on two tablets is one rep, shown as their latest pairing has them (a title corrected on
 * the second tablet wins), in the place their first tablet gave them.
 */
export function activeReps(state: FairState, boothId: string): Rep[] {
  const byPerson = new Map<string, Rep>();
  for (const rep of signedInReps(state, boothId)) {
    const person = rep.email.trim().toLowerCase();
    const seen = byPerson.get(person);
    if (!seen || seen.pairedAt <= rep.pairedAt) byPerson.set(person, rep);
  }
  return [...byPerson.values()];
}

/** The fair's other booths, by employer, for a rep to refer a student to. */
export function boothList(state: FairState, exceptBoothId: string): BoothListItem[] {
  return [...state.booths.values()]
    .filter((b) => b.id !== exceptBoothId)
    .map((b) => ({ slug: b.slug, employer: b.employer, booth: b.booth }))
    .sort((a, b) => a.employer.localeCompare(b.employer, 'en', { sensitivity: 'base' }) || a.booth.localeCompare(b.booth, 'en', { numeric: true }));
}

/** `now`: for the next free slot (queue.ts); a view without it leaves that out. */
export function boothPublic(state: FairState, booth: Booth, now?: Date): BoothPublic {
  return {
    id: booth.id,
    slug: booth.slug,
    employer: booth.employer,
    booth: booth.booth,
    description: booth.description,
    website: booth.website,
    roles: booth.roles,
    status: booth.status,
    place: booth.place,
    reps: activeReps(state, booth.id).map(repCard),
    fairName: state.fair.name,
    timeZone: state.fair.timeZone,
    ...queueOf(state, booth, now),
  };
}

const profileOfStudent = (state: FairState, studentId: string): Profile | null => {
  const student = state.students.get(studentId);
  return student ? profileOf(student) : null;
};

export function studentCard(state: FairState, studentId: string, fields: readonly ProfileField[]): StudentCard {
  const profile = profileOfStudent(state, studentId);
  const card: StudentCard = { name: profile?.name ?? '(erased)', email: profile?.email ?? '' };
  for (const field of fields) if (profile?.[field]) card[field] = profile[field];
  return card;
}

/** A rep as the booth's own records name them; a rep of a purged day is gone with its records. */
const repName = (state: FairState, repId: string): string => state.reps.get(repId)?.name ?? 'A rep';

function assessmentCard(state: FairState, assessment: Assessment): AssessmentCard {
  const { notes, rating, tags, repId, at } = assessment;
  return { notes, ...(rating !== undefined && { rating }), tags, by: repName(state, repId), at };
}

/** "Globex (booth 14)", or "Jo Bloggs, Head of Data". */
function referralTarget(state: FairState, referral: Referral): string {
  if (referral.contact) return referral.contact.role ? `${referral.contact.name}, ${referral.contact.role}` : referral.contact.name;
  const booth = state.booths.get(referral.toBoothId ?? '');
  if (!booth) return 'another booth';
  return booth.booth ? `${booth.employer} (booth ${booth.booth})` : booth.employer;
}

const referralCard = (state: FairState, referral: Referral): ReferralCard =>
  ({ id: referral.id, at: referral.at, by: repName(state, referral.repId), note: referral.note, to: referralTarget(state, referral) });

/**
 * The employers that sent the student to this booth before the student shared with it: the one
 * thing a booth learns of another booth's dealings, and only through the student's own share. A
 * referral made after the share stays the referring booth's and the student's (this booth's
 * tablets are never told of it, so no view of this booth may show it).
 */
function referredBy(state: FairState, intro: Introduction, referrals: readonly Referral[]): string[] {
  const employers: string[] = [];
  for (const referral of referrals) {
    if (referral.toBoothId !== intro.boothId || referral.at > intro.sharedAt) continue;
    const employer = state.booths.get(referral.fromBoothId)?.employer;
    if (employer !== undefined && !employers.includes(employer)) employers.push(employer);
  }
  return employers;
}

export function visitorCard(state: FairState, intro: Introduction): VisitorCard {
  const referrals = state.students.get(intro.studentId)?.referrals ?? [];
  const by = referredBy(state, intro, referrals);
  const to = referrals.filter((r) => r.fromBoothId === intro.boothId).sort(newestFirst((r) => r.at)).map((r) => referralCard(state, r));
  return {
    introductionId: intro.id,
    studentId: intro.studentId,
    sharedAt: intro.sharedAt,
    student: studentCard(state, intro.studentId, intro.fields),
    ...(intro.walkUp && { walkUp: true as const }),
    ...(intro.assessment && { assessment: assessmentCard(state, intro.assessment) }),
    ...(by.length > 0 && { referredBy: by }),
    ...(to.length > 0 && { referredTo: to }),
  };
}

/** What a booth sees of a student who withdrew their consent: nothing. */
const WITHDRAWN: StudentCard = { name: 'Withdrawn', email: '' };

/** The card of one of the booth's visitors by its id; a withdrawn one shows nothing of the student. */
export function visitorCardById(state: FairState, id: string): VisitorCard {
  const intro = state.introductions.get(id);
  return intro ? visitorCard(state, intro) : { introductionId: id, studentId: '', sharedAt: '', student: WITHDRAWN };
}

/** The student's consent to the request's booth, with the fields it covers; undefined once withdrawn. */
const consentOf = (state: FairState, request: InterviewRequest): Introduction | undefined =>
  state.introductions.get(introductionId(request.boothId, request.studentId));

export function requestCard(state: FairState, request: InterviewRequest): RequestCard {
  const rep = request.repId ? state.reps.get(request.repId) : undefined;
  const consent = consentOf(state, request);
  return {
    id: request.id,
    studentId: request.studentId,
    student: consent ? studentCard(state, request.studentId, consent.fields) : WITHDRAWN,
    note: request.note,
    status: request.status,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    ...(request.slot && { slot: request.slot }),
    ...(request.place && { place: request.place }),
    ...(rep && { interviewer: repCard(rep) }),
    ...(request.message && { message: request.message }),
    ...(request.declinedSlot && { declinedSlot: request.declinedSlot }),
    ...(request.outcome && { outcome: request.outcome }),
    ...(request.nextStep && { nextStep: request.nextStep }),
    ...(request.invitedAt && { invitedAt: request.invitedAt }),
  };
}

export function studentRequest(state: FairState, request: InterviewRequest): StudentRequest {
  const rep = request.repId ? state.reps.get(request.repId) : undefined;
  return {
    id: request.id,
    status: request.status,
    note: request.note,
    createdAt: request.createdAt,
    ...(request.slot && { slot: request.slot }),
    ...(request.place && { place: request.place }),
    ...(rep && (request.status === 'accepted' || request.status === 'proposed') && { interviewer: { ...repCard(rep), email: rep.email } }),
    ...(request.message && { message: request.message }),
    // Never the outcome or the next step: they are the booth's record.
    ...(request.invitedAt && { invitedAt: request.invitedAt }),
  };
}

/** A referral as the student sees it: the booth that sent them, and where to (a booth's page, or a colleague's contact). */
function studentReferral(state: FairState, referral: Referral): StudentReferral | undefined {
  const from = state.booths.get(referral.fromBoothId);
  if (!from) return undefined;
  const base = { id: referral.id, at: referral.at, note: referral.note, from: { employer: from.employer, slug: from.slug } };
  if (referral.contact) return { ...base, to: { kind: 'contact', ...referral.contact } };
  const to = state.booths.get(referral.toBoothId ?? '');
  return to && { ...base, to: { kind: 'booth', employer: to.employer, slug: to.slug, booth: to.booth } };
}

/** `now`: for each booth's next free slot and whether the student may ask it again; without it, neither. */
export function studentView(state: FairState, studentId: string, now?: Date): StudentView {
  const requests = requestsOfStudent(state, studentId);
  const visits: Visit[] = [];
  const withdrawn: NonNullable<StudentView['withdrawn']> = [];
  for (const booth of state.booths.values()) {
    const here = requests.filter((r) => r.boothId === booth.id).sort(newestFirst((r) => r.createdAt)).map((r) => studentRequest(state, r));
    const intro = state.introductions.get(introductionId(booth.id, studentId));
    if (intro) {
      const askRefused = now && askRefusal(state, studentId, booth, now);
      visits.push({ booth: boothPublic(state, booth, now), sharedAt: intro.sharedAt, fields: [...intro.fields], requests: here, ...(askRefused && { askRefused }) });
    }
    // Requests kept at a booth the student withdrew from: theirs to see, the booth's no more.
    else if (here.length > 0) withdrawn.push({ booth: boothPublic(state, booth, now), requests: here });
  }
  // Kept after the student withdrew from the booth that made them: the referral is the student's.
  const referrals = (state.students.get(studentId)?.referrals ?? [])
    .map((r) => studentReferral(state, r))
    .filter((r): r is StudentReferral => r !== undefined)
    .sort(newestFirst((r) => r.at));
  return {
    studentId,
    profile: profileOfStudent(state, studentId),
    visits: visits.sort(newestFirst((v) => v.sharedAt)),
    ...(withdrawn.length > 0 && { withdrawn }),
    ...(referrals.length > 0 && { referrals }),
  };
}

export function repSelf(rep: Rep): RepSelf {
  return { id: rep.id, name: rep.name, title: rep.title, email: rep.email, boothId: rep.boothId };
}

/**
 * What a tablet shows: the booth, its visitors and requests, and the booth's sequence number.
 * With `since`, only the cards that changed after that number (a tablet catching up). Made here
 * at once; the server makes the same view with its cards over a few turns (realtime/tabletView.ts).
 */
export function repView(state: FairState, rep: Rep, epoch: string, since?: number): RepView {
  const { view, visitors } = repViewOf(state, rep, epoch, since);
  return { ...view, visitors: visitors.map((i) => visitorCard(state, i)) };
}

/**
 * `repView` with its visitors still as the introductions their cards are made of, newest first:
 * for a caller that makes the cards a few at a time (realtime/tabletView.ts).
 */
export function repViewOf(state: FairState, rep: Rep, epoch: string, since?: number): { view: Omit<RepView, 'visitors'>; visitors: Introduction[] } {
  const booth = state.booths.get(rep.boothId)!;
  const changed = (x: { seq?: number }) => since === undefined || (x.seq ?? 0) > since;
  const visitors = introductionsOfBooth(state, booth.id)
    .filter(changed)
    .sort(newestFirst((i) => i.sharedAt));
  const requests = requestsOfBooth(state, booth.id)
    .filter((r) => changed(r) && consentOf(state, r) !== undefined)
    .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || compareInstants(b.createdAt, a.createdAt))
    .map((r) => requestCard(state, r));
  return {
    view: {
      rep: repSelf(rep), booth: boothPublic(state, booth), tags: booth.tags ?? DEFAULT_TAGS, hasPin: rep.pinHash !== undefined,
      requests, seq: booth.seq ?? 0, epoch,
    },
    visitors,
  };
}
