import { describe, expect, it } from 'vitest';
import { acceptRequest, cancelRequest, freeSlots } from '../../server/domain/requests.ts';
import { confirmProposal, declineProposal, proposeTime } from '../../server/domain/proposals.ts';
import { studentView } from '../../server/domain/views.ts';
import { AT_1300, AT_1320, AT_1340, commit, expectRefused, makeFair, MORNING, samAskedBothBooths } from './fixtures.ts';

describe('proposing another time', () => {
  it('offers a slot that the student confirms: then it is a booked interview', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const sam = student('sam', 'Sam Lee');
    ask(sam, 'acme', 'r1');
    commit(state, proposeTime(state, ada, { requestId: 'r1', start: AT_1340 }, MORNING));
    expect(state.requests.get('r1')).toMatchObject({ status: 'proposed', repId: 'ada', slot: { start: AT_1340 }, place: 'Booth 12' });
    expect(studentView(state, sam).visits[0]!.requests[0]).toMatchObject({ status: 'proposed', interviewer: { name: 'Ada', email: 'ada@example.com' } });
    // A proposal waits for the student: the booth cannot accept or propose over it.
    expectRefused(acceptRequest(state, ada, { requestId: 'r1', start: AT_1300 }, MORNING), 'CONFLICT', /^Ada already proposed 13:40; waiting for the student to answer\.$/);

    commit(state, confirmProposal(state, { studentId: sam, requestId: 'r1' }, MORNING));
    expect(state.requests.get('r1')).toMatchObject({ status: 'accepted', repId: 'ada', slot: { start: AT_1340 } });
    expectRefused(confirmProposal(state, { studentId: sam, requestId: 'r1' }, MORNING), 'CONFLICT', /no proposed time to answer any more: the request is accepted/);
  });

  it('holds the rep\'s slot while the student thinks it over', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    const kim = student('kim', 'Kim Park');
    ask(kim, 'acme', 'r2');
    commit(state, proposeTime(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    expectRefused(acceptRequest(state, ada, { requestId: 'r2', start: AT_1320 }, MORNING), 'CONFLICT', /^You already proposed 13:20 to another student\. Next free slot: 13:40\.$/);
    expect(freeSlots(state, ada, kim, MORNING).map((s) => s.start)).toEqual([AT_1300, AT_1340]);
  });

  it('checks the student\'s other interviews again when they confirm', () => {
    const { state, ada, gil, sam } = samAskedBothBooths();
    commit(state, proposeTime(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    // Meanwhile Globex books Sam at the same time.
    commit(state, acceptRequest(state, gil, { requestId: 'r2', start: AT_1320 }, MORNING));
    expectRefused(confirmProposal(state, { studentId: sam, requestId: 'r1' }, MORNING), 'CONFLICT',
      /^You already have an interview at 13:20 with Globex\. Cancel that one first, or decline this time\.$/);
    expectRefused(confirmProposal(state, { studentId: sam, requestId: 'r1' }, new Date('2026-03-12T12:25:00Z')), 'CONFLICT', /13:20 has already started/);
    expect(state.requests.get('r1')!.status).toBe('proposed');
  });

  it('puts a declined proposal back to pending, with the time the student could not make', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const sam = student('sam', 'Sam Lee');
    ask(sam, 'acme', 'r1');
    commit(state, proposeTime(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    commit(state, declineProposal(state, { studentId: sam, requestId: 'r1' }, MORNING));
    expect(state.requests.get('r1')).toMatchObject({ status: 'pending', declinedSlot: { start: AT_1320 } });
    expect(state.requests.get('r1')).not.toHaveProperty('slot');
    expect(state.requests.get('r1')).not.toHaveProperty('repId');
    // The booth answers anew; the next proposal clears the declined time.
    commit(state, proposeTime(state, ada, { requestId: 'r1', start: AT_1340 }, MORNING));
    expect(state.requests.get('r1')).not.toHaveProperty('declinedSlot');
    // Only the student who asked may answer; a cancelled proposal has nothing to answer.
    student('kim', 'Kim Park');
    expectRefused(declineProposal(state, { studentId: 'kim', requestId: 'r1' }, MORNING), 'NOT_FOUND');
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING));
    expectRefused(declineProposal(state, { studentId: sam, requestId: 'r1' }, MORNING), 'CONFLICT', /the request is cancelled/);
  });

  it('refuses to propose a time the student already has taken elsewhere', () => {
    const { state, ada, gil } = samAskedBothBooths();
    commit(state, acceptRequest(state, gil, { requestId: 'r2', start: AT_1300 }, MORNING));
    expectRefused(proposeTime(state, ada, { requestId: 'r1', start: AT_1300 }, MORNING), 'CONFLICT', /^Sam Lee is not free at 13:00\. Next free slot: 13:20\.$/);
    expectRefused(proposeTime(state, ada, { requestId: 'r1', start: '2026-03-12T12:05:00Z' }, MORNING), 'INVALID');
  });
});
