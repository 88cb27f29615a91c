// The booth's own work on its visitors: walk-ups typed on the tablet, notes, ratings and tags.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGS } from '../../shared/boothSchema.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { noteVisitor, recordWalkUp, setBoothTags } from '../../server/domain/visitors.ts';
import { introductionId } from '../../server/domain/introductions.ts';
import { repView, studentView, visitorCard } from '../../server/domain/views.ts';
import { walkUpIdFor } from '../../server/ids.ts';
import { commit, expectRefused, makeFair, MORNING, samAskedBothBooths } from './fixtures.ts';

const LATER = new Date('2026-03-12T10:00:00Z');
const note = (introductionId: string, rest: Partial<{ notes: string; rating: 0 | 1 | 2 | 3 | 4; tags: string[] }> = {}) =>
  ({ introductionId, notes: '', rating: 0 as const, tags: [], ...rest });

describe('a walk-up visitor', () => {
  it('is a student introduced to the rep\'s booth, marked walk-up, with only the fields typed', () => {
    const { state, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const studentId = walkUpIdFor('acme', 'Jo@Example.com');
    commit(state, recordWalkUp(state, ada, { studentId, name: 'Jo Park', email: 'Jo@Example.com', phone: '' }, MORNING));
    expect(state.students.get(studentId)).toMatchObject({ walkUp: true });
    const card = visitorCard(state, state.introductions.get(introductionId('acme', studentId))!);
    expect(card).toMatchObject({ walkUp: true, student: { name: 'Jo Park', email: 'Jo@Example.com' } });
    expect(card.student.phone).toBeUndefined();
    expect(repView(state, ada, 'e').visitors.map((v) => v.student.name)).toEqual(['Jo Park']);
  });

  it('typed twice (the email in another case) is one visitor, and the second typing renames no one', () => {
    const { state, rep } = makeFair();
    const ada = rep('ada', 'acme', 'Ada');
    const first = walkUpIdFor('acme', 'jo@example.com');
    commit(state, recordWalkUp(state, ada, { studentId: first, name: 'Jo Park', email: 'jo@example.com', phone: '+49 30 1111111' }, MORNING));
    const again = walkUpIdFor('acme', ' JO@example.COM');
    expect(again).toBe(first);
    expect(recordWalkUp(state, ada, { studentId: again, name: 'Somebody Else', email: 'JO@example.com', phone: '' }, LATER)).toEqual({ events: [] });
    // At another booth the same email is another visitor: a booth learns nothing of the first one.
    expect(walkUpIdFor('globex', 'jo@example.com')).not.toBe(first);
  });
});

describe('notes, rating and tags', () => {
  it('belong to the booth: its tablets see them with the rep\'s name, the student and other booths never', () => {
    const { state, ada, gil, sam } = samAskedBothBooths();
    const atAcme = introductionId('acme', sam);
    commit(state, noteVisitor(state, ada, note(atAcme, { notes: 'Strong on control loops', rating: 4, tags: ['intern', 'Follow up', 'intern'] }), LATER));
    const card = repView(state, ada, 'e').visitors[0]!;
    expect(card.assessment).toEqual({ notes: 'Strong on control loops', rating: 4, tags: ['intern', 'follow up'], by: 'Ada', at: LATER.toISOString() });
    expect(JSON.stringify(repView(state, gil, 'e'))).not.toContain('control loops');
    expect(JSON.stringify(studentView(state, sam))).not.toContain('control loops');
  });

  it('refuses another booth\'s visitor with the same sentence as one that does not exist', () => {
    const { state, gil, sam } = samAskedBothBooths();
    const foreign = noteVisitor(state, gil, note(introductionId('acme', sam), { notes: 'x' }), LATER);
    const missing = noteVisitor(state, gil, note('globex:nobody', { notes: 'x' }), LATER);
    expectRefused(foreign, 'NOT_FOUND');
    expect(foreign.error).toEqual(missing.error);
  });

  it('takes tags only from the booth\'s list, naming the tag and the list', () => {
    const { state, ada, sam } = samAskedBothBooths();
    const refused = noteVisitor(state, ada, note(introductionId('acme', sam), { tags: ['intern', 'rockstar'] }), LATER);
    expectRefused(refused, 'INVALID', /^"rockstar" is not one of this booth's tags\. Pick from "intern", "graduate", "follow up", or add it/);
    commit(state, setBoothTags(state, ada, ['rockstar', 'Rockstar', 'intern'], LATER));
    expect(state.booths.get('acme')!.tags).toEqual(['rockstar', 'intern']);
    expect(repView(state, ada, 'e').tags).toEqual(['rockstar', 'intern']);
    commit(state, noteVisitor(state, ada, note(introductionId('acme', sam), { tags: ['ROCKSTAR'] }), LATER));
    expect(state.introductions.get(introductionId('acme', sam))!.assessment!.tags).toEqual(['rockstar']);
    expect(state.booths.get('globex')!.tags).toBeUndefined(); // another booth keeps the default list
    expect(repView(state, state.reps.get('gil')!, 'e').tags).toEqual(DEFAULT_TAGS);
  });

  it('a rating of 0 clears it; the same notes again change nothing', () => {
    const { state, ada, sam } = samAskedBothBooths();
    const id = introductionId('acme', sam);
    commit(state, noteVisitor(state, ada, note(id, { notes: 'Call back', rating: 2 }), LATER));
    expect(noteVisitor(state, ada, note(id, { notes: 'Call back', rating: 2 }), LATER)).toEqual({ events: [] });
    commit(state, noteVisitor(state, ada, note(id, { notes: 'Call back', rating: 0 }), LATER));
    expect(state.introductions.get(id)!.assessment).toEqual({ notes: 'Call back', tags: [], repId: 'ada', at: LATER.toISOString() });
  });

  it('go with the introduction: a withdrawal and a new share start with no notes', () => {
    const { state, ada, sam } = samAskedBothBooths();
    const id = introductionId('acme', sam);
    commit(state, noteVisitor(state, ada, note(id, { notes: 'Call back' }), LATER));
    commit(state, { events: [{ type: 'introduction.withdrawn', boothId: 'acme', studentId: sam, at: LATER.toISOString() }] });
    commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, LATER));
    expect(state.introductions.get(id)!.assessment).toBeUndefined();
  });
});
