// The rows of the introductions export: one per introduction, oldest first, with only the
// fields the student shared with that booth and the student's latest request there.
import type { FairState, Introduction, InterviewRequest } from '../domain/state.ts';
import { introductionId } from '../domain/students.ts';
import { studentCard } from '../domain/views.ts';

export const INTRODUCTION_COLUMNS = [
  'introduced_at', 'booth', 'employer', 'student_name', 'email', 'phone', 'school', 'programme',
  'graduation_year', 'link', 'interests', 'consent_fields', 'request_status', 'request_note',
  'slot_start', 'slot_end', 'place', 'interviewer',
] as const;

export type IntroductionRow = Record<(typeof INTRODUCTION_COLUMNS)[number], string>;

/** Work per turn of the event loop: a local socket takes megabytes without ever pushing back. */
export const ROWS_PER_TURN = 500;
const LOOKUPS_PER_TURN = 5000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const bySharedAt = (a: Introduction, b: Introduction) => (a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0);

/** The introductions, oldest first. Object.values on 100,000 keys holds the loop ~50 ms; keys are cheaper. */
async function introductionsInOrder(state: FairState): Promise<Introduction[]> {
  const ids = Object.keys(state.introductions);
  const intros: Introduction[] = [];
  for (let i = 0; i < ids.length; i++) {
    const intro = state.introductions[ids[i]!];
    if (intro) intros.push(intro);
    if (i % LOOKUPS_PER_TURN === LOOKUPS_PER_TURN - 1) await nextTurn();
  }
  // Mostly in time order already (the journal appends them so): a near-linear sort.
  return intros.sort(bySharedAt);
}

function latestRequests(state: FairState): Map<string, InterviewRequest> {
  const latest = new Map<string, InterviewRequest>();
  for (const request of Object.values(state.requests)) {
    const key = introductionId(request.boothId, request.studentId);
    const seen = latest.get(key);
    if (!seen || request.createdAt >= seen.createdAt) latest.set(key, request);
  }
  return latest;
}

/**
 * Pauses every few hundred rows so sockets and other requests are served during a big export.
 * The order and the request index are fixed up front; each row reads the state as it is then.
 */
export async function* introductionRows(state: FairState): AsyncGenerator<IntroductionRow> {
  const intros = await introductionsInOrder(state);
  await nextTurn();
  const requests = latestRequests(state);
  let count = 0;
  for (const intro of intros) {
    if (++count % ROWS_PER_TURN === 0) await nextTurn();
    const booth = state.booths[intro.boothId];
    const card = studentCard(state, intro.studentId, intro.fields);
    const request = requests.get(intro.id);
    const interviewer = request?.repId ? state.reps[request.repId] : undefined;
    yield {
      introduced_at: intro.sharedAt,
      booth: booth?.booth ?? '',
      employer: booth?.employer ?? '',
      student_name: card.name,
      email: card.email,
      phone: card.phone ?? '',
      school: card.school ?? '',
      programme: card.programme ?? '',
      graduation_year: card.graduationYear ?? '',
      link: card.link ?? '',
      interests: card.interests ?? '',
      consent_fields: intro.fields.join(' '),
      request_status: request?.status ?? '',
      request_note: request?.note ?? '',
      slot_start: request?.slot?.start ?? '',
      slot_end: request?.slot?.end ?? '',
      place: request?.place ?? '',
      interviewer: interviewer?.name ?? '',
    };
  }
}
