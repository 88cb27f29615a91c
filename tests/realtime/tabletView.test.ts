// A tablet's whole view, its cards made over several turns: what changes meanwhile shows as it is
// when each card is made, and a student who takes back their consent meanwhile is not shown.
import { describe, expect, it } from 'vitest';
import { boothSeq } from '../../server/domain/feed.ts';
import { eraseStudent, withdrawConsent } from '../../server/domain/privacy.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { repView } from '../../server/domain/views.ts';
import { tabletView } from '../../server/realtime/tabletView.ts';
import { commit, makeFair } from '../domain/fixtures.ts';

/** ACME's tablet, and three students who shared with ACME a minute apart: Cai last, so first in the view. */
function acmeWithThreeVisitors() {
  const fair = makeFair();
  const ada = fair.rep('ada', 'acme', 'Ada');
  ['avi', 'bea', 'cai'].forEach((id, minute) => {
    fair.student(id, `${id.toUpperCase()} Example`);
    commit(fair.state, shareDetails(fair.state, { studentId: id, slug: fair.acme.slug }, new Date(Date.UTC(2026, 2, 12, 8, minute))));
  });
  return { ...fair, ada };
}

const namesIn = (view: { visitors: { student: { name: string } }[] }) => view.visitors.map((v) => v.student.name);

describe('a tablet\'s whole view, made over turns', () => {
  it('is the view made at once when nothing changes meanwhile', async () => {
    const { state, ada } = acmeWithThreeVisitors();
    expect(namesIn(repView(state, ada, 'e'))).toEqual(['CAI Example', 'BEA Example', 'AVI Example']);
    expect(await tabletView(state, ada, 'e', undefined, 0)).toEqual(repView(state, ada, 'e'));
  });

  it('leaves out a student who withdrew while the cards were made, and keeps the booth\'s number from when it was asked', async () => {
    const { state, ada, acme } = acmeWithThreeVisitors();
    const asked = boothSeq(state, 'acme');
    const making = tabletView(state, ada, 'e', undefined, 0); // Cai's card is made now, the others in later turns
    commit(state, withdrawConsent(state, { studentId: 'bea', slug: acme.slug }, new Date('2026-03-12T09:00:00Z')));
    const view = await making;
    expect(namesIn(view)).toEqual(['CAI Example', 'AVI Example']);
    expect(JSON.stringify(view)).not.toContain('bea');
    // The withdrawal's own push is numbered after the view, so the tablet hears of it too.
    expect(view.seq).toBe(asked);
    expect(boothSeq(state, 'acme')).toBeGreaterThan(asked);
  });

  it('leaves out a student erased while the cards were made, without a trace of them', async () => {
    const { state, ada } = acmeWithThreeVisitors();
    const making = tabletView(state, ada, 'e', undefined, 0);
    commit(state, eraseStudent(state, { studentId: 'avi' }, new Date('2026-03-12T09:00:00Z')));
    const view = await making;
    expect(namesIn(view)).toEqual(['CAI Example', 'BEA Example']);
    expect(JSON.stringify(view)).not.toMatch(/avi/i);
  });
});
