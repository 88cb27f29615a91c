// The rows of the introductions export: one per introduction, oldest first, with only the
// fields the student shared with that booth and the student's latest request there.
import { introductionId } from '../../domain/introductions.ts';
import type { FairState, InterviewRequest, Introduction } from '../../domain/types.ts';
import { studentCard } from '../../domain/views.ts';
import { nextTurn } from '../../turns.ts';

export const INTRODUCTION_COLUMNS = [
  'introduced_at', 'booth', 'employer', 'student_name', 'email', 'phone', 'school', 'programme',
  'graduation_year', 'link', 'interests', 'consent_fields', 'request_status', 'request_note',
  'slot_start', 'slot_end', 'place', 'interviewer',
] as const;

/** One row, in the order of INTRODUCTION_COLUMNS. */
export type IntroductionRow = string[];

/**
 * Work per turn of the event loop: 4-8 ms and one write of ~350 KB at 100,000 rows (a local socket
 * takes megabytes without ever pushing back). 250 a turn made four times the writes: the
 * download took 657-921 ms against 525-784 ms (bench/store export task, 2-core VM).
 */
const ROWS_PER_TURN = 1000;

const bySharedAt = (a: Introduction, b: Introduction) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0);

/** The introductions, oldest first: copying a Map's values takes a few milliseconds at 100,000. */
function introductionsInOrder(state: FairState): Introduction[] {
  // Mostly in time order already (the journal appends them so): a near-linear sort.
  return [...state.introductions.values()].sort(bySharedAt);
}

function latestRequests(state: FairState): Map<string, InterviewRequest> {
  const latest = new Map<string, InterviewRequest>();
  for (const request of state.requests.values()) {
    const key = introductionId(request.boothId, request.studentId);
    const seen = latest.get(key);
    if (!seen || request.createdAt >= seen.createdAt) latest.set(key, request);
  }
  return latest;
}

/**
 * The rows in batches of a few hundred, one batch per turn of the event loop, so sockets and other
 * requests are served during a big export. The order and the request index are fixed up front;
 * each row reads the state as it is then. By id: `apply` replaces an entity rather than changing
 * it, so an object held from the start would miss what changed since (a request accepted meanwhile).
 */
export async function* introductionBatches(state: FairState): AsyncGenerator<IntroductionRow[]> {
  const intros = introductionsInOrder(state);
  await nextTurn();
  const requests = latestRequests(state);
  for (let start = 0; start < intros.length; start += ROWS_PER_TURN) {
    await nextTurn();
    yield intros.slice(start, start + ROWS_PER_TURN).map((intro) => {
      const request = requests.get(intro.id);
      return row(state, state.introductions.get(intro.id) ?? intro, request && (state.requests.get(request.id) ?? request));
    });
  }
}

function row(state: FairState, intro: Introduction, request: InterviewRequest | undefined): IntroductionRow {
  const booth = state.booths.get(intro.boothId);
  const card = studentCard(state, intro.studentId, intro.fields);
  const interviewer = request?.repId ? state.reps.get(request.repId) : undefined;
  return [
    intro.sharedAt,
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
    request?.slot?.start ?? '',
    request?.slot?.end ?? '',
    request?.place ?? '',
    interviewer?.name ?? '',
  ];
}
