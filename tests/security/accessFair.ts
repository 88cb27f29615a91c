// The fair the access table runs against: two booths, two students, requests at both booths,
// and every audience's credential. Set up through the domain, as the handlers would.
import { proposeTime } from '../../server/domain/proposals.ts';
import { declineRequest, requestInterview } from '../../server/domain/requests.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import type { Decision } from '../../server/domain/decision.ts';
import { studentIdFor } from '../../server/ids.ts';
import type { Store } from '../../server/store/store.ts';
import { FAIR_MORNING, SAM, SLOT_1320, startTwoBoothFair } from '../realtime/fixtures.ts';
import type { TestServer } from '../helpers.ts';

export const SAM_KEY = 'sam-key-0123456789abcdef0123';
export const KIM_KEY = 'kim-key-0123456789abcdef0123';
export const SAM_ID = studentIdFor(SAM_KEY);
export const KIM_ID = studentIdFor(KIM_KEY);
export const KIM = { ...SAM, name: 'Kim Park', email: 'kim@uni.example', phone: '+49 30 7654321' };
/** Sam's request at ACME (booth A); Kim's at ACME and at Globex (booth B). */
export const SAM_AT_A = 'req-sam-acme';
export const KIM_AT_A = 'req-kim-acme';
export const KIM_AT_B = 'req-kim-globex';
export const SLOT = SLOT_1320;

export interface AccessFair {
  server: TestServer;
  /** Each audience's credential; `repA` is Ada's tablet at ACME, `repB` Gil's at Globex. */
  creds: { student: string; repA: string; repB: string; admin: string };
  /** Bo's tablet at ACME: a second tablet of booth A, to hear what booth A is told. */
  bo: string;
}

async function must(store: Store, decision: Decision): Promise<void> {
  if (decision.error) throw new Error(decision.error.message);
  await store.commit({ events: decision.events });
}

export async function startAccessFair(): Promise<AccessFair> {
  const { server, tokens } = await startTwoBoothFair();
  const { store } = server;
  for (const [studentId, profile] of [[SAM_ID, SAM], [KIM_ID, KIM]] as const) {
    await must(store, saveProfile(store.state, { studentId, profile }, FAIR_MORNING));
    for (const slug of ['acme', 'globex']) await must(store, shareDetails(store.state, { studentId, slug }, FAIR_MORNING));
  }
  const ask = (studentId: string, slug: string, requestId: string) =>
    must(store, requestInterview(store.state, { studentId, slug, note: 'Hello', requestId }, FAIR_MORNING));
  await ask(SAM_ID, 'acme', SAM_AT_A);
  await ask(KIM_ID, 'acme', KIM_AT_A);
  await ask(KIM_ID, 'globex', KIM_AT_B);
  return { server, creds: { student: SAM_KEY, repA: tokens.ada, repB: tokens.gil, admin: server.adminToken }, bo: tokens.bo };
}

/** Ada proposes times to Sam and to Kim at ACME, so each student has a proposal to answer. */
export async function proposeToBoth(store: Store): Promise<void> {
  const ada = store.state.reps.get('rep-ada')!;
  await must(store, proposeTime(store.state, ada, { requestId: SAM_AT_A, start: SLOT }, FAIR_MORNING));
  await must(store, proposeTime(store.state, ada, { requestId: KIM_AT_A, start: '2026-03-12T12:40:00.000Z' }, FAIR_MORNING));
}

/** Ada declines Sam at ACME and Gil declines Kim at Globex, so each booth has someone to invite again. */
export async function declineBoth(store: Store): Promise<void> {
  await must(store, declineRequest(store.state, store.state.reps.get('rep-ada')!, { requestId: SAM_AT_A, message: '' }, FAIR_MORNING));
  await must(store, declineRequest(store.state, store.state.reps.get('rep-gil')!, { requestId: KIM_AT_B, message: '' }, FAIR_MORNING));
}

/**
 * Sam's interview at ACME and Kim's at Globex, booked for 08:00 (the fair's clock stands at 09:00),
 * so their outcome can be set. Recorded as facts: no slot of the windows has started by then.
 */
export async function bookEarlierToday(store: Store): Promise<void> {
  const slot = { start: '2026-03-12T07:00:00.000Z', end: '2026-03-12T07:20:00.000Z' };
  const at = FAIR_MORNING.toISOString();
  await store.commit({ events: [
    { type: 'request.accepted', requestId: SAM_AT_A, repId: 'rep-ada', slot, place: 'Booth 12', at },
    { type: 'request.accepted', requestId: KIM_AT_B, repId: 'rep-gil', slot, place: 'Booth 14', at },
  ] });
}
