import { describe, expect, it } from 'vitest';
import { revokeRep } from '../../server/domain/booths.ts';
import { expireRequests } from '../../server/domain/expiry.ts';
import type { Decision } from '../../server/domain/decision.ts';
import { withdrawConsent } from '../../server/domain/privacy.ts';
import { applyAll } from '../../server/domain/state.ts';
import { declineRequest } from '../../server/domain/requests.ts';
import { saveProfile } from '../../server/domain/students.ts';
import type { FairEvent } from '../../server/domain/types.ts';
import { repView } from '../../server/domain/views.ts';
import { commit, makeFair, MORNING, samAskedBothBooths } from './fixtures.ts';

describe('each booth\'s sequence numbers', () => {
  it('count the changes its tablets see, per booth, and replaying the events gives the same numbers', () => {
    const { state, student, ask, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada'); // 1: the booth's reps changed
    rep('gil', 'globex', 'Gil'); // globex 1
    ask(student('sam', 'Sam Lee'), 'acme', 'r1'); // 2: visitor, 3: request
    ask(student('kim', 'Kim Park'), 'acme', 'r2'); // 4, 5
    expect([state.booths.get('acme')!.seq, state.booths.get('globex')!.seq]).toEqual([5, 1]);
    expect([state.introductions.get('acme:sam')!.seq, state.requests.get('r1')!.seq, state.requests.get('r2')!.seq]).toEqual([2, 3, 5]);

    commit(state, declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    expect(state.requests.get('r1')!.seq).toBe(6);
    // One commit with several events of a booth: numbered in order, as apply gives them.
    const expired = applyAll(state, expireRequests(state, new Date('2026-03-12T14:00:00Z')).events!);
    expect(expired.map((c) => c.seq)).toEqual([7]);
    expect(repView(state, ada, 'e', 5).requests.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(repView(state, ada, 'e', 6).requests.map((r) => r.id)).toEqual(['r2']);
    expect(repView(state, ada, 'e', 7)).toMatchObject({ seq: 7, requests: [], visitors: [] });
  });

  it('are the same when the recorded events are applied again from nothing (a restart)', () => {
    const { state, student, ask, rep } = makeFair();
    const recorded: FairEvent[] = [];
    const record = (decision: Decision) => recorded.push(...commit(state, decision));
    const ada = rep('ada', 'acme', 'Ada');
    ask(student('sam', 'Sam Lee'), 'acme', 'r1');
    ask(student('kim', 'Kim Park'), 'acme', 'r2');
    record(declineRequest(state, ada, { requestId: 'r1', message: '' }, MORNING));
    record(expireRequests(state, new Date('2026-03-12T14:00:00Z')));
    // What the journal would hold after the fixture's setup, then these: replayed onto a copy of the setup.
    const restarted = makeFair();
    restarted.rep('ada', 'acme', 'Ada');
    restarted.ask(restarted.student('sam', 'Sam Lee'), 'acme', 'r1');
    restarted.ask(restarted.student('kim', 'Kim Park'), 'acme', 'r2');
    applyAll(restarted.state, structuredClone(recorded));
    expect(restarted.state).toEqual(state);
    expect(state.booths.get('acme')!.seq).toBe(7);
  });

  it("are the numbers apply returns, for each event of a commit that a booth's tablets see", () => {
    const { state, student, ask, sam, gil } = samAskedBothBooths(); // acme 3, globex 3
    ask(student('kim', 'Kim Park'), 'acme', 'r3'); // acme 5
    // One commit, two booths interleaved: r1 (acme), r2 (globex), r3 (acme) expire.
    const expiry = expireRequests(state, new Date('2026-03-12T14:00:00Z')).events!;
    const expired = applyAll(state, expiry);
    expect(expired.map((c) => c.seq)).toEqual([6, 4, 7]);
    // One commit with an event no tablet sees between two booths' events.
    const mixed = [
      ...withdrawConsent(state, { studentId: 'kim', slug: 'acme' }, MORNING).events!,
      ...saveProfile(state, { studentId: sam, profile: { name: 'Sam Lee', email: 'sam@uni.example', phone: '', school: 'Uni', programme: '', graduationYear: '2027', link: '', interests: '' } }, MORNING).events!,
      ...revokeRep(state, { boothId: 'globex', repId: gil.id }, MORNING).events!,
    ];
    const changes = applyAll(state, mixed);
    expect(changes.map((c) => [c.event.type, c.seq])).toEqual([['introduction.withdrawn', 8], ['profile.saved', undefined], ['rep.revoked', 5]]);
    expect('seq' in changes[1]!).toBe(false); // no number, not a number left undefined
    expect(state.booths.get('acme')!.seq).toBe(8); // the booth's own number is the last one given
  });
});
