// A small fair built through the domain's own commands, for the rule tests.
import { expect } from 'vitest';
import { configureFair, createBooth, pairRep } from '../../server/domain/booths.ts';
import type { Decision } from '../../server/domain/decision.ts';
import { requestInterview } from '../../server/domain/requests.ts';
import { applyAll, initialState } from '../../server/domain/state.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import type { FairState, Rep } from '../../server/domain/types.ts';

export const MORNING = new Date('2026-03-12T08:00:00Z'); // 09:00 in Berlin, before the 13:00 window
// 13:00–14:00 Berlin (UTC+1 in March) → three 20-minute slots.
export const AT_1300 = '2026-03-12T12:00:00.000Z';
export const AT_1320 = '2026-03-12T12:20:00.000Z';
export const AT_1340 = '2026-03-12T12:40:00.000Z';

/** Applies a decision that must succeed, and returns its events. */
export function commit(state: FairState, decision: Decision) {
  if (decision.error) throw new Error(`refused: ${decision.error.message}`);
  applyAll(state, decision.events);
  return decision.events;
}

export function expectRefused(decision: Decision, code: string, message?: RegExp) {
  expect(decision.error?.code).toBe(code);
  if (message) expect(decision.error?.message).toMatch(message);
  expect(decision.events).toBeUndefined();
}

export function makeFair() {
  const state = initialState();
  commit(state, configureFair(state, {
    name: 'Spring Fair', date: '2026-03-12', timeZone: 'Europe/Berlin',
    windows: [{ start: '13:00', end: '14:00' }], slotMinutes: 20,
  }));
  const booth = (id: string, employer: string, number: string) => {
    commit(state, createBooth(state, { id, pairingCode: `${id.toUpperCase().padEnd(4, 'X').slice(0, 4)}-2345`, employer, booth: number, description: '', website: '', roles: [], place: '' }, MORNING));
    return state.booths.get(id)!;
  };
  const acme = booth('acme', 'ACME', '12');
  const globex = booth('globex', 'Globex', '14');
  const rep = (repId: string, boothId: string, name: string): Rep => {
    commit(state, pairRep(state, { code: state.booths.get(boothId)!.pairingCode, name, title: 'Recruiter', email: `${repId}@example.com`, repId, tokenHash: `hash-${repId}` }, MORNING));
    return state.reps.get(repId)!;
  };
  const student = (studentId: string, name: string) => {
    commit(state, saveProfile(state, { studentId, profile: { name, email: `${studentId}@uni.example`, phone: '', school: 'Uni', programme: '', graduationYear: '2027', link: '', interests: '' } }, MORNING));
    return studentId;
  };
  /** Student shares with the booth and asks for an interview; returns the request id. */
  const ask = (studentId: string, slug: string, requestId: string) => {
    commit(state, shareDetails(state, { studentId, slug }, MORNING));
    commit(state, requestInterview(state, { studentId, slug, note: '', requestId }, MORNING));
    return requestId;
  };
  return { state, acme, globex, rep, student, ask };
}

/** Ada at ACME and Gil at Globex; Sam asked both booths (r1 at ACME, r2 at Globex). */
export function samAskedBothBooths() {
  const fair = makeFair();
  const ada = fair.rep('ada', 'acme', 'Ada');
  const gil = fair.rep('gil', 'globex', 'Gil');
  const sam = fair.student('sam', 'Sam Lee');
  fair.ask(sam, 'acme', 'r1');
  fair.ask(sam, 'globex', 'r2');
  return { ...fair, ada, gil, sam };
}
