import { describe, expect, it } from 'vitest';
import { eraseStudent, purgeFair, withdrawConsent } from '../../server/domain/privacy.ts';
import { acceptRequest } from '../../server/domain/requests.ts';
import { adminStats, introductionsOfTheDay } from '../../server/domain/stats.ts';
import { boothPublic, repView, studentView } from '../../server/domain/views.ts';
import { stateJson } from '../stateJson.ts';
import { AT_1320, commit, MORNING, samAskedBothBooths } from './fixtures.ts';

const LATER = new Date(MORNING.getTime() + 60_000);

describe('withdrawing a booth\'s access', () => {
  it('removes the introduction, cancels the open request there, and leaves the other booth as it was', () => {
    const { state, sam, ada, gil } = samAskedBothBooths();
    const events = commit(state, withdrawConsent(state, { studentId: sam, slug: 'acme' }, LATER));
    expect(events).toEqual([
      { type: 'request.cancelled', requestId: 'r1', at: LATER.toISOString() },
      { type: 'introduction.withdrawn', boothId: 'acme', studentId: 'sam', at: LATER.toISOString() },
    ]);
    expect([...state.introductions.keys()]).toEqual(['globex:sam']);
    const acme = JSON.stringify(repView(state, ada, 'e'));
    expect(acme).not.toContain('Sam Lee');
    expect(acme).not.toContain('sam@uni.example');
    expect(JSON.stringify(repView(state, gil, 'e'))).toContain('Sam Lee');
    // The student still sees the cancelled request, under the booth they withdrew from.
    const view = studentView(state, sam);
    expect(view.visits.map((v) => v.booth.slug)).toEqual(['globex']);
    expect(view.withdrawn?.map((w) => [w.booth.slug, w.requests.map((r) => r.status)])).toEqual([['acme', ['cancelled']]]);
  });

  it('makes a tablet that missed it reload everything instead of trusting a delta', () => {
    const { state, sam } = samAskedBothBooths();
    const before = state.booths.get('acme')!.seq!;
    commit(state, withdrawConsent(state, { studentId: sam, slug: 'acme' }, LATER));
    expect(state.booths.get('acme')!.resetSeq).toBe(state.booths.get('acme')!.seq);
    expect(state.booths.get('acme')!.seq).toBeGreaterThan(before);
  });

  it('changes nothing when there is nothing to withdraw, and refuses an unknown booth', () => {
    const { state, sam } = samAskedBothBooths();
    commit(state, withdrawConsent(state, { studentId: sam, slug: 'acme' }, LATER));
    expect(withdrawConsent(state, { studentId: sam, slug: 'acme' }, LATER).events).toEqual([]);
    expect(withdrawConsent(state, { studentId: sam, slug: 'initech' }, LATER).error?.code).toBe('NOT_FOUND');
  });
});

describe('erasing a student', () => {
  it('cancels open interviews, withdraws every booth, then removes every record, with no personal data in the events', () => {
    const { state, sam, ada } = samAskedBothBooths();
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    const events = commit(state, eraseStudent(state, { studentId: sam }, LATER));
    expect(events.map((e) => e.type)).toEqual([
      'request.cancelled', 'request.cancelled', 'introduction.withdrawn', 'introduction.withdrawn', 'student.erased',
    ]);
    expect(JSON.stringify(events)).not.toMatch(/Sam Lee|sam@uni\.example/);
    expect(state.students).toEqual(new Map());
    expect(state.introductions).toEqual(new Map());
    expect(state.requests).toEqual(new Map());
    expect(studentView(state, sam)).toEqual({ studentId: sam, profile: null, visits: [] });
    // A repeat is recorded again, to forget its own action id; it removes nothing more.
    expect(eraseStudent(state, { studentId: sam }, LATER).events).toEqual([
      { type: 'student.erased', studentId: sam, at: LATER.toISOString(), counts: { students: 0, introductions: 0, requests: 0, accepted: 0, booths: {} } },
    ]);
  });

  it('keeps the day\'s counts: introductions, requests and accepted interviews stay counted after the student goes', () => {
    const { state, sam, ada } = samAskedBothBooths();
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    const before = adminStats(state);
    expect(before).toMatchObject({ students: 1, introductions: 2, requests: 2, accepted: 1 });
    commit(state, eraseStudent(state, { studentId: sam }, LATER));
    // Pending is what is waiting now, not a figure of the day: Sam's pending request went with her.
    const after = adminStats(state);
    expect(after).toEqual({ ...before, booths: before.booths.map((b) => ({ ...b, pending: 0 })) });
    expect(introductionsOfTheDay(state, 'acme')).toBe(1);
    // Counted once: an erasure repeated, then a purge, add nothing more.
    commit(state, eraseStudent(state, { studentId: sam }, LATER));
    commit(state, purgeFair(state, LATER));
    expect(adminStats(state)).toEqual(after);
    expect(stateJson(state)).not.toMatch(/Sam Lee|sam@uni\.example|"sam"/);
  });
});

describe('purging the fair', () => {
  it('removes students, introductions, requests and reps (titles and tablets\' sessions too), and keeps booths and counts', () => {
    const { state, ada } = samAskedBothBooths();
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    const before = adminStats(state);
    expect(stateJson(state)).toMatch(/Recruiter/); // the control: a rep's title is there before
    commit(state, purgeFair(state, LATER));
    expect([state.students, state.introductions, state.requests, state.reps]).toEqual([new Map(), new Map(), new Map(), new Map()]);
    expect(boothPublic(state, state.booths.get('acme')!).reps).toEqual([]);
    expect([...state.booths.keys()]).toEqual(['acme', 'globex']);
    const after = adminStats(state);
    expect(after).toEqual({ ...before, booths: before.booths.map((b) => ({ ...b, pending: 0 })) });
    expect(after).toMatchObject({ students: 1, introductions: 2, requests: 2, accepted: 1 });
    expect(stateJson(state)).not.toMatch(/Sam Lee|sam@uni\.example|Ada|ada@example\.com|Recruiter|tokenHash/);
  });
});
