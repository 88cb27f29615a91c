// Referring a student on: to another booth or a colleague. The student sees it; the booth named
// learns of it only through the student's own share, and nothing of other booths' referrals.
import { describe, expect, it } from 'vitest';
import { referStudent, type ReferralTarget } from '../../server/domain/referrals.ts';
import { eraseStudent, withdrawConsent } from '../../server/domain/privacy.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { recordWalkUp } from '../../server/domain/visitors.ts';
import { introductionId } from '../../server/domain/introductions.ts';
import type { Rep } from '../../server/domain/types.ts';
import { repView, studentView } from '../../server/domain/views.ts';
import { commit, expectRefused, makeFair, MORNING } from './fixtures.ts';

const T1 = new Date('2026-03-12T10:00:00Z');
const T2 = new Date('2026-03-12T10:05:00Z');
const T3 = new Date('2026-03-12T10:10:00Z');
const JO: ReferralTarget = { kind: 'contact', name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' };

/** ACME (Ada), Globex (Gil) and Initech (Ivy); Sam shared with ACME only. */
function fair() {
  const made = makeFair();
  const { state, rep, student } = made;
  commit(state, { events: [{ type: 'booth.created', booth: { id: 'initech', slug: 'initech', employer: 'Initech', booth: '3', description: '', website: '', roles: [], place: '', status: 'open', pairingCode: 'INIT-2345', createdAt: MORNING.toISOString() } }] });
  const ada = rep('ada', 'acme', 'Ada');
  const gil = rep('gil', 'globex', 'Gil');
  const ivy = rep('ivy', 'initech', 'Ivy');
  const sam = student('sam', 'Sam Lee');
  commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, MORNING));
  let n = 0;
  const refer = (rep: Rep, to: ReferralTarget, at = T1, note = 'Ask for Kim') =>
    referStudent(state, rep, { introductionId: introductionId(rep.boothId, sam), note, to, referralId: `ref${++n}` }, at);
  return { ...made, ada, gil, ivy, sam, refer };
}

describe('referring a student to another booth', () => {
  it('reaches the student\'s view; the booth named learns it only once the student shares with it', () => {
    const { state, ada, gil, sam, refer } = fair();
    commit(state, refer(ada, { kind: 'booth', slug: 'globex' }));
    expect(studentView(state, sam).referrals).toEqual([{
      id: 'ref1', at: T1.toISOString(), note: 'Ask for Kim', from: { employer: 'ACME', slug: 'acme' },
      to: { kind: 'booth', employer: 'Globex', slug: 'globex', booth: '14' },
    }]);
    expect(repView(state, ada, 'e').visitors[0]!.referredTo).toEqual([{ id: 'ref1', at: T1.toISOString(), by: 'Ada', note: 'Ask for Kim', to: 'Globex (booth 14)' }]);
    expect(JSON.stringify(repView(state, gil, 'e'))).not.toMatch(/Sam|ACME|Kim/);
    commit(state, shareDetails(state, { studentId: sam, slug: 'globex' }, T2));
    const atGlobex = repView(state, gil, 'e').visitors[0]!;
    expect(atGlobex.referredBy).toEqual(['ACME']);
    expect(atGlobex.referredTo).toBeUndefined();
    expect(JSON.stringify(atGlobex)).not.toContain('Ask for Kim'); // the note was for the student
  });

  it('says nothing to a booth the student shared with before the referral', () => {
    const { state, ada, gil, sam, refer } = fair();
    commit(state, shareDetails(state, { studentId: sam, slug: 'globex' }, MORNING));
    commit(state, refer(ada, { kind: 'booth', slug: 'globex' }, T2));
    expect(repView(state, gil, 'e').visitors[0]!.referredBy).toBeUndefined();
  });

  it('refuses one\'s own booth, a booth that does not exist, and the same booth twice, each with a sentence', () => {
    const { state, ada, refer } = fair();
    expectRefused(refer(ada, { kind: 'booth', slug: 'acme' }), 'INVALID', /Pick a booth other than your own\.$/);
    expectRefused(refer(ada, { kind: 'booth', slug: 'hooli' }), 'NOT_FOUND', /Pick the booth from the list\.$/);
    commit(state, refer(ada, { kind: 'booth', slug: 'globex' }));
    expectRefused(refer(ada, { kind: 'booth', slug: 'globex' }, T2), 'CONFLICT', /^Your booth already referred this student to Globex\./);
  });

  it('compares only the booth\'s own referrals: another booth\'s referral to the same place is not revealed', () => {
    const { state, ada, ivy, sam, refer } = fair();
    commit(state, shareDetails(state, { studentId: sam, slug: 'initech' }, MORNING));
    commit(state, refer(ada, { kind: 'booth', slug: 'globex' }));
    const fromInitech = refer(ivy, { kind: 'booth', slug: 'globex' }, T2);
    expect(fromInitech.error).toBeUndefined();
    commit(state, fromInitech);
    expect(repView(state, ivy, 'e').visitors[0]!.referredTo!.map((r) => r.by)).toEqual(['Ivy']);
    expect(studentView(state, sam).referrals!.map((r) => r.from.employer)).toEqual(['Initech', 'ACME']); // newest first
  });

  it('refuses a visitor that is not the booth\'s own, with the same sentence as one that does not exist', () => {
    const { state, gil, sam } = fair();
    const foreign = referStudent(state, gil, { introductionId: introductionId('acme', sam), note: '', to: { kind: 'booth', slug: 'initech' }, referralId: 'x' }, T1);
    const missing = referStudent(state, gil, { introductionId: 'globex:nobody', note: '', to: { kind: 'booth', slug: 'initech' }, referralId: 'y' }, T1);
    expectRefused(foreign, 'NOT_FOUND');
    expect(foreign.error).toEqual(missing.error);
  });
});

describe('referring a student to a colleague', () => {
  it('gives the student the colleague\'s contact; the same colleague twice is refused', () => {
    const { state, ada, sam, refer } = fair();
    commit(state, refer(ada, JO));
    expect(studentView(state, sam).referrals![0]!.to).toEqual({ kind: 'contact', name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' });
    expect(repView(state, ada, 'e').visitors[0]!.referredTo![0]!.to).toBe('Jo Bloggs, Head of Data');
    expectRefused(refer(ada, { ...JO, email: 'JO@acme.example' }, T2), 'CONFLICT', /that colleague/);
  });

  it('refuses a walk-up visitor, who has no page to see it', () => {
    const { state, ada } = fair();
    commit(state, recordWalkUp(state, ada, { studentId: 'walk1', name: 'Lee', email: 'lee@example.com', phone: '' }, T1));
    expectRefused(referStudent(state, ada, { introductionId: introductionId('acme', 'walk1'), note: '', to: JO, referralId: 'r' }, T2), 'CONFLICT', /Tell them in person/);
  });
});

describe('a referral and the student\'s say over their data', () => {
  it('stays the student\'s after they withdraw from the referring booth, and goes when they erase', () => {
    const { state, ada, sam, refer } = fair();
    commit(state, refer(ada, JO));
    commit(state, refer(ada, { kind: 'booth', slug: 'globex' }, T2));
    commit(state, withdrawConsent(state, { studentId: sam, slug: 'acme' }, T3));
    expect(studentView(state, sam).referrals).toHaveLength(2);
    expect(JSON.stringify(repView(state, ada, 'e'))).not.toContain('Jo Bloggs');
    commit(state, eraseStudent(state, { studentId: sam }, T3));
    expect(studentView(state, sam).referrals).toBeUndefined();
    expect(JSON.stringify([...state.students.values()])).not.toContain('Jo Bloggs');
  });
});
