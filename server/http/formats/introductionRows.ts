// The rows of the introductions export: one per introduction, oldest first, with only the
// fields the student shared with that booth, the booth's own notes, rating and tags, the
// student's latest request there (its outcome and next step), and the referrals. A row of one
// booth carries nothing of another booth's dealings with the student, but for "referred by".
import { RATING_LABELS } from '../../../shared/boothSchema.ts';
import { compareInstants } from '../../../shared/time.ts';
import { introductionId } from '../../domain/introductions.ts';
import { introductionsOfBooth, requestsOfBooth } from '../../domain/indexes.ts';
import type { FairState, InterviewRequest, Introduction, Referral } from '../../domain/types.ts';
import { studentCard } from '../../domain/views.ts';
import { eachInTurns, wholeFairReady, mapInTurns, nextTurn, TURN_MS } from '../../turns.ts';
import { localClock } from './localTime.ts';

export const INTRODUCTION_COLUMNS = [
  'introduced_at', 'introduced_at_local', 'booth', 'employer', 'student_name', 'email', 'phone', 'school', 'programme',
  'graduation_year', 'link', 'interests', 'consent_fields', 'request_status', 'request_note',
  'slot_start', 'slot_start_local', 'slot_end', 'slot_end_local', 'place', 'interviewer', 'walk_up', 'notes', 'rating', 'tags',
  'interview_outcome', 'next_step', 'invited_at', 'invited_at_local', 'referred_to', 'referred_by',
] as const;

export type IntroductionColumn = (typeof INTRODUCTION_COLUMNS)[number];

/** Instants in UTC (ISO 8601, ending in Z); each is followed by its `_local` twin. */
export const UTC_COLUMNS: ReadonlySet<IntroductionColumn> = new Set(['introduced_at', 'slot_start', 'slot_end', 'invited_at']);
/** The same instants on the fair's wall clock, "2026-05-14 13:20:00" (time zone of the fair settings). */
export const LOCAL_COLUMNS: ReadonlySet<IntroductionColumn> = new Set(['introduced_at_local', 'slot_start_local', 'slot_end_local', 'invited_at_local']);

/** One row, in the order of INTRODUCTION_COLUMNS. */
export type IntroductionRow = string[];

const bySharedAt = (a: Introduction, b: Introduction) => compareInstants(a.sharedAt, b.sharedAt);

/**
 * The introductions, oldest first. The copy (~8 ms at 300,000) and the check of their order (~12 ms)
 * each have a turn of their own, the first not the request's: a turn begun by I/O runs on into the
 * next before timers and sockets get theirs.
 */
async function introductionsInOrder(state: FairState, boothId?: string): Promise<Introduction[]> {
  await nextTurn();
  const intros = boothId === undefined ? [...state.introductions.values()] : introductionsOfBooth(state, boothId);
  await nextTurn();
  // Nearly always in time order already (the journal appends them so), and checking is a tenth of
  // sorting: the first export after a start, its code cold, held the loop ~25 ms sorting 100,000.
  const inOrder = intros.every((intro, i) => i === 0 || bySharedAt(intros[i - 1]!, intro) <= 0);
  return inOrder ? intros : intros.sort(bySharedAt);
}

async function latestRequests(state: FairState, boothId?: string): Promise<Map<string, InterviewRequest>> {
  const latest = new Map<string, InterviewRequest>();
  await eachInTurns(boothId === undefined ? state.requests.values() : requestsOfBooth(state, boothId), (request) => {
    const key = introductionId(request.boothId, request.studentId);
    const seen = latest.get(key);
    if (!seen || request.createdAt >= seen.createdAt) latest.set(key, request);
  });
  return latest;
}

/**
 * The rows in batches, one batch per turn of the event loop, so sockets and other requests are
 * served during a big export. The order and the request index are fixed up front; each row reads
 * the state as it is then. By id: `apply` replaces an entity rather than changing it, so an object
 * held from the start would miss what changed since (a request accepted meanwhile).
 */
export async function* introductionBatches(state: FairState, only: { boothId?: string } = {}): AsyncGenerator<IntroductionRow[]> {
  await wholeFairReady(state);
  const intros = await introductionsInOrder(state, only.boothId);
  await nextTurn();
  const requests = await latestRequests(state, only.boothId);
  const local = localClock(state.fair.timeZone);
  await nextTurn();
  // Half a turn: the caller writes each batch out (CSV text, sheet XML) in the same turn.
  yield* mapInTurns(intros, (intro) => {
    const request = requests.get(intro.id);
    return row(state, state.introductions.get(intro.id) ?? intro, request && (state.requests.get(request.id) ?? request), local);
  }, TURN_MS / 2);
}

/** A UTC instant and the same instant on the fair's wall clock, side by side. */
const both = (iso: string | undefined, local: (iso: string) => string): [string, string] => [iso ?? '', local(iso ?? '')];

function row(state: FairState, intro: Introduction, request: InterviewRequest | undefined, local: (iso: string) => string): IntroductionRow {
  const booth = state.booths.get(intro.boothId);
  const card = studentCard(state, intro.studentId, intro.fields);
  const interviewer = request?.repId ? state.reps.get(request.repId) : undefined;
  return [
    ...both(intro.sharedAt, local),
    booth?.booth ?? '',
    booth?.employer ?? '',
    card.name,
    card.email,
    card.phone ?? '',
    card.school ?? '',
    card.programme ?? '',
    card.graduationYear ?? '',
    card.link ?? '',
    card.interests ?? '',
    intro.fields.join(' '),
    request?.status ?? '',
    request?.note ?? '',
    ...both(request?.slot?.start, local),
    ...both(request?.slot?.end, local),
    request?.place ?? '',
    interviewer?.name ?? '',
    intro.walkUp ? 'yes' : 'no',
    intro.assessment?.notes ?? '',
    intro.assessment?.rating ? `${intro.assessment.rating} (${RATING_LABELS[intro.assessment.rating]})` : '',
    intro.assessment?.tags.join('; ') ?? '',
    request?.outcome === 'noShow' ? 'no-show' : (request?.outcome ?? ''),
    request?.nextStep ?? '',
    ...both(request?.invitedAt, local),
    ...referrals(state, intro),
  ];
}

/** Where this booth sent the student on, and which booths sent the student here. */
function referrals(state: FairState, intro: Introduction): [string, string] {
  const all = state.students.get(intro.studentId)?.referrals ?? [];
  const to = all.filter((r) => r.fromBoothId === intro.boothId).map((r) => referredTo(state, r));
  // Only the employer's name: what the referring booth noted stays with it.
  const by = all.filter((r) => r.toBoothId === intro.boothId).map((r) => state.booths.get(r.fromBoothId)?.employer ?? '');
  return [to.join('; '), [...new Set(by)].join('; ')];
}

function referredTo(state: FairState, referral: Referral): string {
  const booth = referral.toBoothId === undefined ? undefined : state.booths.get(referral.toBoothId);
  if (booth) return booth.booth ? `${booth.employer} (booth ${booth.booth})` : booth.employer;
  const contact = referral.contact;
  return contact ? `${contact.name}${contact.role && `, ${contact.role}`} <${contact.email}>` : '';
}
