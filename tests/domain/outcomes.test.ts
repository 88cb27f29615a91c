import { describe, expect, it } from 'vitest';
import { setOutcome } from '../../server/domain/outcomes.ts';
import { acceptRequest, declineRequest } from '../../server/domain/requests.ts';
import { requestCard, studentView } from '../../server/domain/views.ts';
import { AT_1320, commit, expectRefused, makeFair, MORNING } from './fixtures.ts';

const AT_1325 = new Date('2026-03-12T12:25:00Z');

function booked() {
  const fair = makeFair();
  const ada = fair.rep('ada', 'acme', 'Ada');
  const bo = fair.rep('bo', 'acme', 'Bo');
  const sam = fair.student('sam', 'Sam Lee');
  fair.ask(sam, 'acme', 'r1');
  commit(fair.state, acceptRequest(fair.state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
  return { ...fair, ada, bo, sam };
}

describe('attended / no-show and the next step', () => {
  it('waits for the interview\'s time, saying when it comes', () => {
    const { state, ada } = booked();
    expectRefused(setOutcome(state, ada, { requestId: 'r1', outcome: 'attended', nextStep: '' }, MORNING), 'CONFLICT', /^You can mark this once the interview's time has come, at 13:20\.$/);
    expect(state.requests.get('r1')!.outcome).toBeUndefined();
  });

  it('is recorded by any rep of the booth once the slot has started, shown on the card and not to the student', () => {
    const { state, bo, sam } = booked();
    commit(state, setOutcome(state, bo, { requestId: 'r1', outcome: 'attended', nextStep: 'Send the graduate application' }, new Date(AT_1320)));
    const card = requestCard(state, state.requests.get('r1')!);
    expect(card).toMatchObject({ status: 'accepted', outcome: 'attended', nextStep: 'Send the graduate application' });
    const mine = studentView(state, sam, AT_1325).visits[0]!.requests[0]!;
    expect(mine.status).toBe('accepted');
    expect(JSON.stringify(studentView(state, sam, AT_1325))).not.toMatch(/attended|graduate application|outcome|nextStep/);
  });

  it('can be corrected later, and the same answer again records nothing', () => {
    const { state, ada } = booked();
    commit(state, setOutcome(state, ada, { requestId: 'r1', outcome: 'noShow', nextStep: '' }, AT_1325));
    expect(setOutcome(state, ada, { requestId: 'r1', outcome: 'noShow', nextStep: '' }, AT_1325).events).toEqual([]);
    commit(state, setOutcome(state, ada, { requestId: 'r1', outcome: 'attended', nextStep: 'Call back' }, AT_1325));
    expect(state.requests.get('r1')).toMatchObject({ outcome: 'attended', nextStep: 'Call back' });
    commit(state, setOutcome(state, ada, { requestId: 'r1', outcome: 'attended', nextStep: '' }, AT_1325));
    expect(state.requests.get('r1')!.nextStep).toBeUndefined();
  });

  it('only for a booked interview of the rep\'s own booth', () => {
    const { state, sam, ask, rep } = booked();
    const gil = rep('gil', 'globex', 'Gil');
    expectRefused(setOutcome(state, gil, { requestId: 'r1', outcome: 'attended', nextStep: '' }, AT_1325), 'NOT_FOUND', /does not exist/);
    ask(sam, 'globex', 'g1');
    expectRefused(setOutcome(state, gil, { requestId: 'g1', outcome: 'noShow', nextStep: '' }, AT_1325), 'CONFLICT', /^Only a booked interview can be marked attended or no-show; this request is pending\.$/);
    commit(state, declineRequest(state, gil, { requestId: 'g1', message: '' }, MORNING));
    expectRefused(setOutcome(state, gil, { requestId: 'g1', outcome: 'noShow', nextStep: '' }, AT_1325), 'CONFLICT', /this request is declined/);
    expect(state.requests.get('r1')!.outcome).toBeUndefined();
  });
});
