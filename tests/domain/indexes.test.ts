// The per-booth and per-student indexes (server/domain/indexes.ts) against a walk over every
// introduction and request, through a seeded day of shares, requests, cancellations, withdrawals,
// erasures and a purge: a tablet or a phone must never miss a card, or see one that went.
import { describe, expect, it } from 'vitest';
import { introductionCountOfBooth, introductionsOfBooth, requestsOfBooth, requestsOfStudent } from '../../server/domain/indexes.ts';
import { eraseStudent, purgeFair, withdrawConsent } from '../../server/domain/privacy.ts';
import { cancelRequest, requestInterview } from '../../server/domain/requests.ts';
import { apply } from '../../server/domain/state.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import type { FairState } from '../../server/domain/types.ts';
import { seeded } from '../helpers.ts';
import { makeFair, MORNING } from './fixtures.ts';

const PROFILE = { name: 'Sam', email: 'sam@uni.example', phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '' };
const ids = (entities: { id: string }[]) => entities.map((e) => e.id).sort();

function expectIndexesMatchAWalk(state: FairState, students: string[]): void {
  for (const boothId of state.booths.keys()) {
    const introductions = [...state.introductions.values()].filter((i) => i.boothId === boothId);
    expect(ids(introductionsOfBooth(state, boothId))).toEqual(ids(introductions));
    expect(introductionCountOfBooth(state, boothId)).toBe(introductions.length);
    expect(ids(requestsOfBooth(state, boothId))).toEqual(ids([...state.requests.values()].filter((r) => r.boothId === boothId)));
  }
  for (const studentId of students) {
    expect(ids(requestsOfStudent(state, studentId))).toEqual(ids([...state.requests.values()].filter((r) => r.studentId === studentId)));
  }
}

describe('the booth and student indexes', () => {
  it('always list what a walk over every introduction and request finds', () => {
    const { state, student } = makeFair();
    const students = Array.from({ length: 12 }, (_, n) => student(`s${n}`, `Student ${n}`));
    const random = seeded(42);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    const slugs = [...state.booths.values()].map((b) => b.slug);
    let requests = 0;
    let busySteps = 0;
    for (let step = 0; step < 400; step++) {
      const studentId = pick(students);
      const slug = pick(slugs);
      const roll = random();
      const decision =
        roll < 0.1 ? saveProfile(state, { studentId, profile: PROFILE }, MORNING) // again, after an erasure or a purge
        : roll < 0.4 ? shareDetails(state, { studentId, slug }, MORNING)
        : roll < 0.7 ? requestInterview(state, { studentId, slug, note: '', requestId: `q${(requests += 1)}` }, MORNING)
        : roll < 0.85 ? cancelRequest(state, { studentId, requestId: `q${1 + Math.floor(random() * Math.max(requests, 1))}` }, MORNING)
        : roll < 0.96 ? withdrawConsent(state, { studentId, slug }, MORNING)
        : roll < 0.995 ? eraseStudent(state, { studentId }, MORNING)
        : purgeFair(state, MORNING);
      for (const event of decision.events ?? []) apply(state, event);
      expectIndexesMatchAWalk(state, students); // an index kept by apply since its first use
      if (state.introductions.size > 3 && state.requests.size > 3) busySteps += 1;
    }
    expect(busySteps).toBeGreaterThan(200); // the day was busy: the comparisons were not of empty lists
  });

  it('see a collection changed behind their back (a test or a reload) and are built again', () => {
    const { state, student, ask } = makeFair();
    ask(student('sam', 'Sam'), 'acme', 'r1');
    expect(ids(requestsOfStudent(state, 'sam'))).toEqual(['r1']);
    const r1 = state.requests.get('r1')!;
    state.requests.set('r2', { ...r1, id: 'r2', boothId: 'globex' });
    expect(ids(requestsOfStudent(state, 'sam'))).toEqual(['r1', 'r2']);
    expect(ids(requestsOfBooth(state, 'globex'))).toEqual(['r2']);
    state.introductions = new Map();
    expect(introductionsOfBooth(state, 'acme')).toEqual([]);
  });
});
