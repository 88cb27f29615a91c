// The rep's PIN at pairing, signing a tablet out, and the reps on duty a booth page lists.
import { describe, expect, it } from 'vitest';
import { pairRep, signOutRep, revokeRep } from '../../server/domain/booths.ts';
import { activeReps, boothPublic, repView } from '../../server/domain/views.ts';
import { pinHashOf } from '../../server/ids.ts';
import { commit, makeFair, MORNING } from './fixtures.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 12, 9, minute));

function pair(fair: ReturnType<typeof makeFair>, repId: string, name: string, email: string, when: Date, title = 'Recruiter') {
  const { state } = fair;
  commit(state, pairRep(state, { code: state.booths.get('acme')!.pairingCode, name, title, email, repId, tokenHash: `t-${repId}`, pinHash: pinHashOf(repId, '2468') }, when));
  return state.reps.get(repId)!;
}

describe('the PIN', () => {
  it('is kept as a hash salted with the rep\'s id, never as typed', () => {
    const fair = makeFair();
    const ada = pair(fair, 'ada', 'Ada', 'ada@acme.example', MORNING);
    const bo = pair(fair, 'bo', 'Bo', 'bo@acme.example', MORNING);
    expect(ada.pinHash).toBe(pinHashOf('ada', '2468'));
    expect(ada.pinHash).not.toBe(bo.pinHash); // the same PIN on two tablets
    expect(JSON.stringify([...fair.state.reps.values()])).not.toContain('2468');
    expect(repView(fair.state, ada, 'e').hasPin).toBe(true);
    const old = fair.rep('old', 'acme', 'Old'); // paired before PINs
    expect(repView(fair.state, old, 'e').hasPin).toBe(false);
  });
});

describe('signing out', () => {
  it('is recorded as the rep\'s own, once, and the rep leaves the booth\'s reps on duty', () => {
    const fair = makeFair();
    const { state } = fair;
    pair(fair, 'ada', 'Ada', 'ada@acme.example', MORNING);
    pair(fair, 'bo', 'Bo', 'bo@acme.example', MORNING);
    const events = commit(state, signOutRep(state, 'ada', at(30)));
    expect(events).toEqual([{ type: 'rep.revoked', repId: 'ada', at: at(30).toISOString(), self: true }]);
    expect(state.reps.get('ada')).toMatchObject({ signedOut: true, revokedAt: at(30).toISOString() });
    expect(signOutRep(state, 'ada', at(31))).toEqual({ events: [] });
    expect(boothPublic(state, state.booths.get('acme')!).reps.map((r) => r.name)).toEqual(['Bo']);
    commit(state, revokeRep(state, { boothId: 'acme', repId: 'bo' }, at(32)));
    expect(state.reps.get('bo')!.signedOut).toBeUndefined(); // the organiser's revoke is not the rep's sign-out
  });
});

describe('the reps on duty', () => {
  it('name each person once, as their latest pairing has them, and only while signed in', () => {
    const fair = makeFair();
    const { state } = fair;
    pair(fair, 'ada1', 'Ada', 'ada@acme.example', at(0), 'Recruiter');
    pair(fair, 'bo', 'Bo', 'bo@acme.example', at(1));
    pair(fair, 'ada2', 'Ada Lovelace', 'ADA@acme.example ', at(2), 'Lead recruiter');
    const onDuty = () => boothPublic(state, state.booths.get('acme')!).reps;
    expect(onDuty()).toEqual([{ id: 'ada2', name: 'Ada Lovelace', title: 'Lead recruiter' }, { id: 'bo', name: 'Bo', title: 'Recruiter' }]);
    commit(state, signOutRep(state, 'ada2', at(3)));
    expect(onDuty().map((r) => [r.id, r.title])).toEqual([['ada1', 'Recruiter'], ['bo', 'Recruiter']]); // still on the first tablet
    commit(state, signOutRep(state, 'ada1', at(4)));
    expect(activeReps(state, 'acme').map((r) => r.id)).toEqual(['bo']);
  });
});
