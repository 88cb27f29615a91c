import { describe, expect, it } from 'vitest';
import { pairRep, revokeRep, setBoothStatus } from '../../server/domain/booths.ts';
import { queueOf } from '../../server/domain/queue.ts';
import { acceptRequest, cancelRequest, declineRequest } from '../../server/domain/requests.ts';
import { boothPublic } from '../../server/domain/views.ts';
import { AT_1300, AT_1320, AT_1340, commit, makeFair, MORNING } from './fixtures.ts';

describe('the queue a student sees on a booth page', () => {
  it('counts the requests waiting for an answer', () => {
    const { state, acme, rep, student, ask } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    ask(student('kim', 'Kim Park'), 'acme', 'r2');
    ask(student('lu', 'Lu Chen'), 'acme', 'r3');
    expect(queueOf(state, acme, MORNING).waiting).toBe(3);
    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    commit(state, cancelRequest(state, { studentId: 'kim', requestId: 'r2' }, MORNING));
    commit(state, acceptRequest(state, ada, { requestId: 'r3', start: AT_1300 }, MORNING));
    expect(queueOf(state, acme, MORNING).waiting).toBe(0);
  });

  it('gives the next slot one rep on duty still has free, in time order', () => {
    const { state, acme, rep, student, ask } = makeFair();
    expect(queueOf(state, acme, MORNING).nextSlot).toBeUndefined(); // nobody on duty
    const ada = rep('ada', 'acme', 'Ada');
    expect(queueOf(state, acme, MORNING).nextSlot).toBe(AT_1300);
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1300 }, MORNING));
    expect(queueOf(state, acme, MORNING).nextSlot).toBe(AT_1320);
    // A second rep has 13:00 free.
    const bo = rep('bo', 'acme', 'Bo');
    expect(queueOf(state, acme, MORNING).nextSlot).toBe(AT_1300);
    // A slot that has started is gone.
    expect(queueOf(state, acme, new Date('2026-03-12T12:05:00Z')).nextSlot).toBe(AT_1320);
    expect(queueOf(state, acme, new Date(AT_1340)).nextSlot).toBeUndefined();
    commit(state, revokeRep(state, { boothId: 'acme', repId: bo.id }, MORNING));
    expect(queueOf(state, acme, MORNING).nextSlot).toBe(AT_1320);
  });

  it('counts one diary per person: the same rep on a second tablet frees no slot', () => {
    const { state, acme, rep, student, ask } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1300 }, MORNING));
    // Ada pairs her second tablet with the same email, in another case.
    commit(state, pairRep(state, { code: acme.pairingCode, name: 'Ada', title: 'Recruiter', email: 'ADA@example.com', repId: 'ada-2', tokenHash: 'hash-ada-2' }, MORNING));
    expect(queueOf(state, acme, MORNING).nextSlot).toBe(AT_1320);
  });

  it('shows no free slot for a full booth, and no slot at all in a view without a clock', () => {
    const { state, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    commit(state, setBoothStatus(state, ada, 'full', MORNING));
    expect(boothPublic(state, state.booths.get('acme')!, MORNING)).toMatchObject({ status: 'full', waiting: 0 });
    expect(boothPublic(state, state.booths.get('acme')!, MORNING).nextSlot).toBeUndefined();
    commit(state, setBoothStatus(state, ada, 'open', MORNING));
    expect(boothPublic(state, state.booths.get('acme')!, MORNING).nextSlot).toBe(AT_1300);
    expect(boothPublic(state, state.booths.get('acme')!).nextSlot).toBeUndefined();
  });
});
