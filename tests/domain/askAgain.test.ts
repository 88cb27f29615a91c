import { describe, expect, it } from 'vitest';
import { askRefusal, inviteAgain } from '../../server/domain/askAgain.ts';
import { acceptRequest, cancelRequest, declineRequest, requestInterview } from '../../server/domain/requests.ts';
import { studentView } from '../../server/domain/views.ts';
import { AT_1320, commit, expectRefused, makeFair, MORNING } from './fixtures.ts';

const DECLINED = 'ACME declined your request today, so you cannot ask them again. If they want to talk, they can invite you from their tablet.';
const CANCELLED_TWICE = 'You cancelled twice with ACME, so you cannot ask them again today. If they want to talk, they can invite you from their tablet.';

function samAtAcme() {
  const fair = makeFair();
  const ada = fair.rep('ada', 'acme', 'Ada');
  const sam = fair.student('sam', 'Sam Lee');
  fair.ask(sam, 'acme', 'r1');
  const again = (requestId: string) => requestInterview(fair.state, { studentId: sam, slug: 'acme', note: 'please', requestId }, MORNING);
  const visit = () => studentView(fair.state, sam, MORNING).visits.find((v) => v.booth.slug === 'acme')!;
  return { ...fair, ada, sam, again, visit };
}

describe('no pestering: after a decline', () => {
  it('refuses a new request to that booth with a sentence the student can act on, and the phone shows it', () => {
    const { state, ada, again, visit } = samAtAcme();
    expect(visit().askRefused).toBeUndefined();
    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    for (const id of ['r2', 'r3', 'r4']) expectRefused(again(id), 'CONFLICT', new RegExp(`^${DECLINED}$`));
    // Three re-asks, no new card for the booth.
    expect([...state.requests.keys()]).toEqual(['r1']);
    expect(visit().askRefused).toBe(DECLINED);
  });

  it('leaves the student free to ask other booths', () => {
    const { state, ada, sam, ask, visit } = samAtAcme();
    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    ask(sam, 'globex', 'g1');
    expect(state.requests.get('g1')!.status).toBe('pending');
    expect(studentView(state, sam, MORNING).visits.find((v) => v.booth.slug === 'globex')!.askRefused).toBeUndefined();
    expect(visit().askRefused).toBe(DECLINED);
  });

  it('lasts that day only: the next day, in the fair\'s time zone, the student may ask again', () => {
    const { state, ada, sam } = samAtAcme();
    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    const acme = state.booths.get('acme')!;
    expect(askRefusal(state, sam, acme, new Date('2026-03-12T22:59:00Z'))).toBe(DECLINED); // 23:59 in Berlin
    expect(askRefusal(state, sam, acme, new Date('2026-03-12T23:00:00Z'))).toBeUndefined(); // midnight in Berlin
  });
});

describe('no pestering: cancels', () => {
  it('lets a student who cancelled ask once more; a second cancel closes it', () => {
    const { state, sam, again, visit } = samAtAcme();
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING));
    expect(visit().askRefused).toBeUndefined();
    commit(state, again('r2'));
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r2' }, MORNING));
    expectRefused(again('r3'), 'CONFLICT', new RegExp(`^${CANCELLED_TWICE}$`));
    expect(visit().askRefused).toBe(CANCELLED_TWICE);
  });
});

describe('the booth invites the student again', () => {
  it('after a decline: one new request is allowed, and a second decline closes the booth again', () => {
    const { state, ada, again, visit } = samAtAcme();
    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    commit(state, inviteAgain(state, ada, { requestId: 'r1' }, MORNING));
    expect(state.requests.get('r1')).toMatchObject({ status: 'declined', invitedAt: MORNING.toISOString() });
    expect(visit().askRefused).toBeUndefined();
    expect(visit().requests[0]).toMatchObject({ id: 'r1', invitedAt: MORNING.toISOString() });
    commit(state, again('r2'));
    commit(state, declineRequest(state, ada, { requestId: 'r2', message: '' }, MORNING));
    expectRefused(again('r3'), 'CONFLICT', new RegExp(`^${DECLINED}$`));
  });

  it('after two cancels', () => {
    const { state, ada, sam, again } = samAtAcme();
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING));
    commit(state, again('r2'));
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r2' }, MORNING));
    commit(state, inviteAgain(state, ada, { requestId: 'r2' }, MORNING));
    expect(askRefusal(state, sam, state.booths.get('acme')!, MORNING)).toBeUndefined();
    commit(state, again('r3'));
  });

  it('only on the latest request of that student, declined or cancelled, once, at its own booth', () => {
    const { state, ada, sam, again, rep } = samAtAcme();
    expectRefused(inviteAgain(state, ada, { requestId: 'r1' }, MORNING), 'CONFLICT', /^This request is still pending: answer it instead of inviting the student again\.$/);
    commit(state, cancelRequest(state, { studentId: sam, requestId: 'r1' }, MORNING));
    commit(state, again('r2'));
    expectRefused(inviteAgain(state, ada, { requestId: 'r1' }, MORNING), 'CONFLICT', /^The student has sent a newer request since\. Answer that one instead\.$/);
    commit(state, declineRequest(state, ada, { requestId: 'r2', message: '' }, MORNING));
    const gil = rep('gil', 'globex', 'Gil');
    expectRefused(inviteAgain(state, gil, { requestId: 'r2' }, MORNING), 'NOT_FOUND', /does not exist/);
    commit(state, inviteAgain(state, ada, { requestId: 'r2' }, MORNING));
    expectRefused(inviteAgain(state, ada, { requestId: 'r2' }, MORNING), 'CONFLICT', /^The student was already invited at 09:00; they can send a new request now\.$/);
  });

  it('not once the interview windows are over', () => {
    const { state, ada } = samAtAcme();
    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    expectRefused(inviteAgain(state, ada, { requestId: 'r1' }, new Date('2026-03-12T13:00:00Z')), 'CONFLICT', /interview windows are over/);
  });

  it('an accepted interview cannot be cancelled once its time has come', () => {
    const { state, ada, sam } = samAtAcme();
    commit(state, acceptRequest(state, ada, { requestId: 'r1', start: AT_1320 }, MORNING));
    expectRefused(cancelRequest(state, { studentId: sam, requestId: 'r1' }, new Date(AT_1320)), 'CONFLICT', /^Your interview with ACME started at 13:20, so it cannot be cancelled any more\.$/);
  });
});
