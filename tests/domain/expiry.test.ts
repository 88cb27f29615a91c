import { describe, expect, it } from 'vitest';
import { expireRequests } from '../../server/domain/expiry.ts';
import { acceptRequest, requestInterview } from '../../server/domain/requests.ts';
import { proposeTime } from '../../server/domain/proposals.ts';
import { studentView } from '../../server/domain/views.ts';
import { commit, expectRefused, makeFair, MORNING } from './fixtures.ts';

const LAST_WINDOW_ENDS = new Date('2026-03-12T13:00:00Z'); // 14:00 in Berlin
const before = new Date(LAST_WINDOW_ENDS.getTime() - 1);

describe('expiry at the end of the interview windows', () => {
  it('expires what is still waiting (pending, or a proposal not answered), nothing else, once', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    ask(student('kim', 'Kim Park'), 'acme', 'r2');
    ask(student('lou', 'Lou Chen'), 'acme', 'r3');
    commit(state, acceptRequest(state, ada, { requestId: 'r2', start: '2026-03-12T12:00:00.000Z' }, MORNING));
    commit(state, proposeTime(state, ada, { requestId: 'r3', start: '2026-03-12T12:20:00.000Z' }, MORNING));

    expect(expireRequests(state, before).events).toEqual([]);
    const events = commit(state, expireRequests(state, LAST_WINDOW_ENDS));
    expect(events).toEqual([
      { type: 'request.expired', requestId: 'r1', at: LAST_WINDOW_ENDS.toISOString() },
      { type: 'request.expired', requestId: 'r3', at: LAST_WINDOW_ENDS.toISOString() },
    ]);
    expect([...state.requests.values()].map((r) => r.status)).toEqual(['expired', 'accepted', 'expired']);
    expect(studentView(state, 'sam').visits[0]!.requests[0]!.status).toBe('expired');
    expect(expireRequests(state, new Date(LAST_WINDOW_ENDS.getTime() + 60_000)).events).toEqual([]);
  });

  it('takes no new request once the windows are over, and refuses acting on an expired one', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const sam = student('sam', 'Sam Lee');
    ask(sam, 'acme', 'r1');
    commit(state, expireRequests(state, LAST_WINDOW_ENDS));
    expectRefused(acceptRequest(state, ada, { requestId: 'r1', start: '2026-03-12T12:00:00.000Z' }, MORNING), 'CONFLICT', /^This request expired/);
    expectRefused(requestInterview(state, { studentId: sam, slug: 'acme', note: '', requestId: 'r2' }, LAST_WINDOW_ENDS), 'CONFLICT', /^ACME's interview windows are over for today\.$/);
  });
});
