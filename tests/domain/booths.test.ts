import { describe, expect, it } from 'vitest';
import { boothBySlug, createBooth, decideImport, pairRep, resetPairingCode, revokeRep, setBoothStatus } from '../../server/domain/booths.ts';
import { applyAll } from '../../server/domain/state.ts';
import { activeReps } from '../../server/domain/views.ts';
import { requestInterview } from '../../server/domain/requests.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { newPairingCode } from '../../server/ids.ts';
import { commit, expectRefused, makeFair, MORNING } from './fixtures.ts';

const fields = { booth: '', description: '', website: '', roles: [], place: '' };

describe('booths and pairing', () => {
  it('gives each booth a readable, unique address', () => {
    const { state } = makeFair();
    commit(state, createBooth(state, { ...fields, id: 'b1', pairingCode: 'AAAA-AAAA', employer: 'Café Müller & Söhne' }, MORNING));
    commit(state, createBooth(state, { ...fields, id: 'b2', pairingCode: 'BBBB-BBBB', employer: 'ACME' }, MORNING));
    expect(state.booths.get('b1')!.slug).toBe('cafe-muller-sohne');
    expect(state.booths.get('b2')!.slug).toBe('acme-2');
  });

  it('refuses a booth number that is already taken', () => {
    const { state } = makeFair();
    expectRefused(createBooth(state, { ...fields, booth: '12', id: 'b1', pairingCode: 'AAAA-AAAA', employer: 'Initech' }, MORNING), 'CONFLICT', /Booth 12 is already ACME's/);
    commit(state, createBooth(state, { ...fields, booth: 'A7', id: 'b2', pairingCode: 'BBBB-BBBB', employer: 'Initech' }, MORNING));
    expectRefused(createBooth(state, { ...fields, booth: 'a7', id: 'b3', pairingCode: 'CCCC-CCCC', employer: 'Hooli' }, MORNING), 'CONFLICT', /Booth a7 is already Initech's/);
  });

  it('decides an import row by row against the fair and the rows before, as one change', () => {
    const { state } = makeFair(); // ACME at booth 12 (acme), Globex at 14
    commit(state, createBooth(state, { ...fields, id: 'acme3', pairingCode: 'AAAA-AAAA', employer: 'ACME 3' }, MORNING));
    const row = (line: number, employer: string, booth = '') => ({ ...fields, employer, booth, id: `row${line}`, pairingCode: `CODE-${line}`, line });
    const before = state.booths.size;
    const decision = decideImport(state, [
      row(2, 'ACME', '1'), row(3, 'Acme', '12'), row(4, 'acme', 'B2'), row(5, 'Initech', 'b2'), row(6, 'ACME'), row(7, 'Hooli', '1'),
    ], MORNING);
    expect(state.booths.size).toBe(before); // a decision changes nothing
    expect(decision.refused).toEqual([
      { line: 3, message: "Booth 12 is already ACME's. Pick another booth number." },
      { line: 5, message: "Booth b2 is already acme's. Pick another booth number." },
      { line: 7, message: "Booth 1 is already ACME's. Pick another booth number." },
    ]);
    applyAll(state, decision.events);
    // acme-3 is ACME 3's: the rows named ACME get the next free addresses.
    expect(['row2', 'row4', 'row6'].map((id) => state.booths.get(id)!.slug)).toEqual(['acme-2', 'acme-4', 'acme-5']);
    expect(boothBySlug(state, 'acme-5')!.id).toBe('row6');
  });

  it('gives 10,000 booths of one name 10,000 addresses, each once', () => {
    const { state } = makeFair();
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ ...fields, employer: 'ACME', id: `b${i}`, pairingCode: `C-${i}`, line: i + 2 }));
    const decision = decideImport(state, rows, MORNING);
    expect(decision.refused).toEqual([]);
    applyAll(state, decision.events);
    const slugs = [...state.booths.values()].map((b) => b.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(state.booths.get('b9999')!.slug).toBe('acme-10001'); // makeFair's ACME has plain 'acme'
  });

  it('pairs with the code however it is typed, and not with an old code after a reset', () => {
    const { state, acme } = makeFair();
    const code = acme.pairingCode;
    const pair = (typed: string, repId: string) => pairRep(state, { code: typed, name: 'Ada', title: '', email: 'ada@acme.example', repId, tokenHash: 'h' }, MORNING);
    commit(state, pair(code.toLowerCase().replace('-', ''), 'r1'));
    expect(state.reps.get('r1')!.boothId).toBe('acme');
    commit(state, resetPairingCode(state, { boothId: 'acme', pairingCode: 'NEWC-ODE2' }));
    expectRefused(pair(code, 'r2'), 'UNAUTHORIZED', /pairing code is not right/);
  });

  it('makes pairing codes of 8 unambiguous characters', () => {
    for (let i = 0; i < 200; i++) expect(newPairingCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it('lets a rep mark the booth full, which stops new requests, and records nothing for no change', () => {
    const { state, rep, student } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    commit(state, shareDetails(state, { studentId: student('sam', 'Sam Lee'), slug: 'acme' }, MORNING));
    expect(setBoothStatus(state, ada, 'open', MORNING).events).toEqual([]);
    commit(state, setBoothStatus(state, ada, 'full', MORNING));
    expect(state.booths.get('acme')!.status).toBe('full');
    expectRefused(requestInterview(state, { studentId: 'sam', slug: 'acme', note: '', requestId: 'r1' }, MORNING), 'CONFLICT', /ACME is not taking more interview requests today/);
    commit(state, setBoothStatus(state, ada, 'break', MORNING));
    commit(state, requestInterview(state, { studentId: 'sam', slug: 'acme', note: '', requestId: 'r1' }, MORNING));
  });

  it('revokes a tablet of the named booth only, once, and takes it off duty', () => {
    const { state, rep } = makeFair();
    rep('ada', 'acme', 'Ada');
    rep('bo', 'acme', 'Bo');
    rep('gil', 'globex', 'Gil');
    expectRefused(revokeRep(state, { boothId: 'nope', repId: 'ada' }, MORNING), 'NOT_FOUND', /booth does not exist/);
    expectRefused(revokeRep(state, { boothId: 'acme', repId: 'gil' }, MORNING), 'NOT_FOUND', /not paired with this booth/);
    expectRefused(revokeRep(state, { boothId: 'acme', repId: 'nobody' }, MORNING), 'NOT_FOUND', /not paired with this booth/);

    expect(commit(state, revokeRep(state, { boothId: 'acme', repId: 'ada' }, MORNING))).toEqual([{ type: 'rep.revoked', repId: 'ada', at: MORNING.toISOString() }]);
    expect(state.reps.get('ada')).toMatchObject({ name: 'Ada', revokedAt: MORNING.toISOString() });
    expect(activeReps(state, 'acme').map((r) => r.id)).toEqual(['bo']);
    expect(revokeRep(state, { boothId: 'acme', repId: 'ada' }, MORNING).events).toEqual([]);
  });
});
