import { describe, expect, it } from 'vitest';
import { acceptRequest, cancelRequest, declineRequest, freeSlots, requestInterview } from '../../server/domain/requests.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { AT_1300, AT_1320, AT_1340, commit, expectRefused, makeFair, MORNING, samAskedBothBooths } from './fixtures.ts';

describe('asking for an informational interview', () => {
  it('needs the introduction first', () => {
    const { state, student } = makeFair();
    const sam = student('sam', 'Sam Lee');
    expectRefused(requestInterview(state, { studentId: sam, slug: 'acme', note: '', requestId: 'r1' }, MORNING), 'CONFLICT', /Share your details with ACME first/);
  });

  // After a decline, or a second cancel, the booth must invite the student first: askAgain.test.ts.
  it('allows one open request per booth, and a new one once the first is cancelled', () => {
    const { state, student, ask } = makeFair();
    const sam = student('sam', 'Sam Lee');
    ask(sam, 'acme', 'r1');
    expectRefused(requestInterview(state, { studentId: sam, slug: 'acme', note: 'again', requestId: 'r2' }, MORNING), 'CONFLICT', /already have a pending request with ACME/);
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING));
    commit(state, requestInterview(state, { studentId: sam, slug: 'acme', note: '', requestId: 'r2' }, MORNING));
    expect(state.requests.get('r2')!.status).toBe('pending');
  });

  it('lets a student ask several booths at once', () => {
    const { state, student, ask } = makeFair();
    const sam = student('sam', 'Sam Lee');
    ask(sam, 'acme', 'r1');
    ask(sam, 'globex', 'r2');
    expect([...state.requests.values()].map((r) => r.status)).toEqual(['pending', 'pending']);
  });
});

describe('accepting a request for a slot', () => {
  it('books a slot of the interview windows with the place and the rep', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    expect(state.requests.get('r1')).toMatchObject({ status: 'accepted', repId: 'ada', place: 'Booth 12', slot: { start: AT_1320, end: AT_1340 } });
  });

  it('refuses a slot the rep already has, and suggests the next free one', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    ask(student('kim', 'Kim Park'), 'acme', 'r2');
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1300 }, MORNING));
    expectRefused(acceptRequest(state, ada, { requestId: 'r2', start: AT_1300 }, MORNING), 'CONFLICT', /^You already have an interview at 13:00\. Next free slot: 13:20\.$/);
    // Another rep of the same booth may take that slot.
    const bo = rep('bo', 'acme', 'Bo');
    commit(state, acceptRequest(state, bo, { requestId: 'r2', start: AT_1300 }, MORNING));
  });

  it('refuses a slot that overlaps an interview the student has at another booth', () => {
    const { state, ada, gil, sam } = samAskedBothBooths();
    commit(state, acceptRequest(state, gil, { requestId: 'r2', start: AT_1320 }, MORNING));
    expectRefused(acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING), 'CONFLICT', /^Sam Lee is not free at 13:20\. Next free slot: 13:40\.$/);
    expect(freeSlots(state, ada, sam, MORNING).map((s) => s.start)).toEqual([AT_1300, AT_1340]);
  });

  it('says who accepted first when a second tablet tries, and refuses acting on a cancelled request', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const bo = rep('bo', 'acme', 'Bo');
    const sam = student('sam', 'Sam Lee');
    ask(sam, 'acme', 'r1');
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    expectRefused(acceptRequest(state, bo, { requestId: 'r1', start: AT_1340 }, MORNING), 'CONFLICT', /^Already accepted by Ada for 13:20\.$/);
    expectRefused(declineRequest(state, bo, { requestId: 'r1', message: '' }, MORNING), 'CONFLICT', /Already accepted/);
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING));
    expectRefused(acceptRequest(state, bo, { requestId: 'r1', start: AT_1340 }, MORNING), 'CONFLICT', /student cancelled/);
    expectRefused(cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING), 'CONFLICT', /already cancelled/);
  });

  it('refuses a time that is not a slot, a slot that has started, and another booth\'s request', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const gil = rep('gil', 'globex', 'Gil');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    expectRefused(acceptRequest(state, ada, { requestId: 'r1', start: '2026-03-12T12:05:00Z' }, MORNING), 'INVALID', /not one of the interview slots/);
    expectRefused(acceptRequest(state, ada, { requestId: 'r1', start: AT_1300 }, new Date('2026-03-12T12:10:00Z')), 'CONFLICT', /13:00 has already started/);
    expectRefused(acceptRequest(state, gil, { requestId: 'r1', start: AT_1300 }, MORNING), 'NOT_FOUND');
    expect(state.requests.get('r1')!.status).toBe('pending');
  });

  it('lets only the student who asked cancel', () => {
    const { state, student, ask } = makeFair();
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    student('kim', 'Kim Park');
    expectRefused(cancelRequest(state, { studentId: 'kim', requestId: 'r1' }, MORNING), 'NOT_FOUND');
    commit(state, shareDetails(state, { studentId: 'kim', slug: 'acme' }, MORNING));
    expect(state.requests.get('r1')!.status).toBe('pending');
  });
});
