// The per-booth and per-student indexes (server/domain/indexes.ts) against a walk over every
// introduction and request, through a seeded day of shares, requests, cancellations, withdrawals,
// erasures and a purge: a tablet or a phone must never miss a card, or see one that went. And the
// fair's layout (booths by address and number, tablets by booth) against a walk over every booth
// and rep, through a seeded set-up of booths, imports, pairings, revocations and code resets.
import { describe, expect, it } from 'vitest';
import { createBooth, decideImport, pairRep, resetPairingCode, revokeRep } from '../../server/domain/booths.ts';
import {
  boothIdByNumber, boothIdBySlug, buildingIndexes, indexesBuilt, introductionCountOfBooth, introductionsOfBooth, repsOfBooth, requestsOfBooth, requestsOfStudent,
} from '../../server/domain/indexes.ts';
import { eraseStudent, purgeFair, withdrawConsent } from '../../server/domain/privacy.ts';
import { cancelRequest, requestInterview } from '../../server/domain/requests.ts';
import { apply, applyAll } from '../../server/domain/state.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import type { FairEvent, FairState } from '../../server/domain/types.ts';
import { seeded } from '../helpers.ts';
import { makeFair, MORNING } from './fixtures.ts';

const PROFILE = { name: 'Sam', email: 'sam@uni.example', phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '' };
const ids = (entities: { id: string }[]) => entities.map((e) => e.id).sort();

/** A seeded day of shares, requests, cancellations, withdrawals, erasures and a purge: each step's events, applied. */
function* busyDay(state: FairState, students: string[], seed: number, steps: number): Generator<FairEvent[]> {
  const random = seeded(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const slugs = [...state.booths.values()].map((b) => b.slug);
  let requests = 0;
  for (let step = 0; step < steps; step++) {
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
    const events = decision.events ?? [];
    applyAll(state, events);
    yield events;
  }
}

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
    let busySteps = 0;
    for (const _ of busyDay(state, students, 42, 400)) {
      expectIndexesMatchAWalk(state, students); // an index kept by apply since its first use
      if (state.introductions.size > 3 && state.requests.size > 3) busySteps += 1;
    }
    expect(busySteps).toBeGreaterThan(200); // the day was busy: the comparisons were not of empty lists
  });

  it('built a step at a time after a start, while the day goes on, list what a walk finds', () => {
    const fairOf = () => {
      const fair = makeFair();
      return { state: fair.state, students: Array.from({ length: 12 }, (_, n) => fair.student(`s${n}`, `Student ${n}`)) };
    };
    const day = fairOf();
    const steps = [...busyDay(day.state, day.students, 9, 600)];
    const random = seeded(10);
    for (let trial = 0; trial < 20; trial++) {
      const { state: before, students } = fairOf(); // the same fair, replayed, as a start does
      const half = 200 + Math.floor(random() * 300);
      for (const events of steps.slice(0, half)) applyAll(before, events);
      const started: FairState = { ...before }; // a new state object: nothing built for it yet
      const building = buildingIndexes(started);
      let taken = 0;
      let readMidway = false;
      for (const events of steps.slice(half)) {
        for (let n = Math.floor(random() * 4); n > 0 && !building.next().done; n--) taken += 1;
        applyAll(started, events); // shares, withdrawals, erasures land while it is half built
        if (random() < 0.01) {
          expectIndexesMatchAWalk(started, students); // a phone comes meanwhile: it walks, the build goes on
          readMidway = true;
        }
      }
      while (!building.next().done) taken += 1;
      expectIndexesMatchAWalk(started, students);
      expect(taken > 0 || readMidway).toBe(true);
    }
  });

  it('answer a reader that comes while they are built in turns without finishing the build in one go', () => {
    const { state, student, ask } = makeFair();
    for (let n = 0; n < 40; n++) ask(student(`s${n}`, `Student ${n}`), n % 2 ? 'acme' : 'globex', `r${n}`);
    const started: FairState = { ...state };
    const building = buildingIndexes(started);
    for (let n = 0; n < 10; n++) building.next();
    expect(indexesBuilt(started)).toBe(false);
    expect(ids(introductionsOfBooth(started, 'acme'))).toHaveLength(20);
    expect(introductionCountOfBooth(started, 'globex')).toBe(20);
    expect(ids(requestsOfStudent(started, 's3'))).toEqual(['r3']);
    expect(indexesBuilt(started)).toBe(false); // still built a step at a time
    let steps = 0;
    while (!building.next().done) steps += 1;
    expect(steps).toBeGreaterThan(50);
    expect(ids(introductionsOfBooth(started, 'acme'))).toHaveLength(20);

    // A reader of every booth, many times over: past two fairs' worth of walking, the build is finished.
    const again: FairState = { ...state };
    const second = buildingIndexes(again);
    second.next();
    for (let n = 0; n < 10 && !indexesBuilt(again); n++) introductionCountOfBooth(again, n % 2 ? 'acme' : 'globex');
    expect(indexesBuilt(again)).toBe(true);
    expect(introductionCountOfBooth(again, 'acme')).toBe(20);
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

function expectLayoutMatchesAWalk(state: FairState): void {
  const booths = [...state.booths.values()];
  for (const booth of booths) {
    expect(boothIdBySlug(state, booth.slug)).toBe(booth.id);
    const first = booths.find((b) => b.booth !== '' && b.booth.toLowerCase() === booth.booth.toLowerCase());
    expect(boothIdByNumber(state, booth.booth.toUpperCase())).toBe(first?.id);
    expect(ids(repsOfBooth(state, booth.id))).toEqual(ids([...state.reps.values()].filter((r) => r.boothId === booth.id)));
  }
  expect(boothIdBySlug(state, 'no-such-booth')).toBeUndefined();
  expect(boothIdByNumber(state, '')).toBeUndefined();
}

describe('the layout indexes: booths by address and number, tablets by booth', () => {
  it('always find what a walk over every booth and rep finds', () => {
    const { state } = makeFair();
    const random = seeded(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const names = ['ACME', 'Acme', 'ACME 2', 'Globex', 'Café Crème', '', '!!!']; // the same addresses again and again
    const number = () => (random() < 0.5 ? '' : pick(['A', 'a', 'B', '']) + String(Math.floor(random() * 30))); // A7 and a7 are one booth
    const fields = () => ({ employer: pick(names) || 'Initech', booth: number(), description: '', website: '', roles: [], place: '' });
    let made = 0;
    let reps = 0;
    for (let step = 0; step < 300; step++) {
      const boothIds = [...state.booths.keys()];
      const roll = random();
      if (roll < 0.3) {
        made += 1;
        const decision = createBooth(state, { ...fields(), id: `b${made}`, pairingCode: `CODE-${made}` }, MORNING);
        for (const event of decision.events ?? []) apply(state, event);
      } else if (roll < 0.4) {
        const rows = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, line) => ({ ...fields(), id: `b${(made += 1)}`, pairingCode: `CODE-${made}`, line }));
        applyAll(state, decideImport(state, rows, MORNING).events);
      } else if (roll < 0.75) {
        const code = state.booths.get(pick(boothIds))!.pairingCode;
        applyAll(state, pairRep(state, { code, name: 'Ada', title: '', email: 'ada@example.com', repId: `r${(reps += 1)}`, tokenHash: 'h' }, MORNING).events!);
      } else if (roll < 0.9 && reps > 0) {
        const rep = state.reps.get(`r${1 + Math.floor(random() * reps)}`)!;
        for (const event of revokeRep(state, { boothId: rep.boothId, repId: rep.id }, MORNING).events ?? []) apply(state, event);
      } else {
        applyAll(state, resetPairingCode(state, { boothId: pick(boothIds), pairingCode: `NEW-${step}` }).events!);
      }
      expectLayoutMatchesAWalk(state);
    }
    // A busy set-up: many booths, many of them sharing a name, numbers refused as taken.
    expect(state.booths.size).toBeGreaterThan(100);
    expect(state.reps.size).toBeGreaterThan(50);
  });

  it('see booths and reps changed behind their back and are built again', () => {
    const { state } = makeFair();
    expect(boothIdBySlug(state, 'acme')).toBe('acme');
    state.booths.set('initech', { ...state.booths.get('acme')!, id: 'initech', slug: 'initech', booth: '99' });
    expect(boothIdBySlug(state, 'initech')).toBe('initech');
    expect(boothIdByNumber(state, '99')).toBe('initech');
    state.booths = new Map();
    expect(boothIdBySlug(state, 'acme')).toBeUndefined();
  });
});
