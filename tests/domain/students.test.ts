import { describe, expect, it } from 'vitest';
import { profileOf } from '../../server/domain/profiles.ts';
import { shareDetails } from '../../server/domain/students.ts';
import { studentCard, studentView, visitorCard } from '../../server/domain/views.ts';
import { commit, expectRefused, makeFair, MORNING } from './fixtures.ts';

describe('sharing details with a booth (the introduction)', () => {
  it('records the consent with its time and exactly the fields the student filled in', () => {
    const { state, student } = makeFair();
    const sam = student('sam', 'Sam Lee');
    const events = commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, MORNING));
    expect(events).toEqual([{
      type: 'introduction.made',
      introduction: { id: 'acme:sam', boothId: 'acme', studentId: 'sam', sharedAt: MORNING.toISOString(), fields: ['name', 'email', 'school', 'graduationYear'] },
    }]);
  });

  it('does not make a second introduction when the student scans the same booth again', () => {
    const { state, student } = makeFair();
    const sam = student('sam', 'Sam Lee');
    commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, MORNING));
    const again = shareDetails(state, { studentId: sam, slug: 'acme' }, new Date(MORNING.getTime() + 60_000));
    expect(again.events).toEqual([]);
    expect([...state.introductions.keys()]).toEqual(['acme:sam']);
    expect(state.introductions.get('acme:sam')!.sharedAt).toBe(MORNING.toISOString());
  });

  it('refuses to share before the student has a profile, and for an unknown booth', () => {
    const { state, student } = makeFair();
    expectRefused(shareDetails(state, { studentId: 'nobody', slug: 'acme' }, MORNING), 'CONFLICT', /name and email first/);
    const sam = student('sam', 'Sam Lee');
    expectRefused(shareDetails(state, { studentId: sam, slug: 'initech' }, MORNING), 'NOT_FOUND', /no booth at that address/);
  });

  it('shows a booth only the fields the student shared with it, and nothing without consent', () => {
    const { state, student } = makeFair();
    const sam = student('sam', 'Sam Lee');
    commit(state, shareDetails(state, { studentId: sam, slug: 'acme' }, MORNING));
    const saved = state.students.get(sam)!;
    state.students.set(sam, { ...saved, profile: { ...profileOf(saved), phone: '+49 30 1234567' } }); // filled in after the consent
    const card = visitorCard(state, state.introductions.get('acme:sam')!).student;
    expect(card).toEqual({ name: 'Sam Lee', email: 'sam@uni.example', school: 'Uni', graduationYear: '2027' });
    expect(studentCard(state, sam, [])).not.toHaveProperty('phone');
    expect(studentView(state, sam).visits.map((v) => v.booth.slug)).toEqual(['acme']);
  });
});
