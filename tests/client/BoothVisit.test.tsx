// The booth page after the profile: the referrals that concern this booth, live, around the share
// step or the interview request. The session is a stand-in; the view comes in through props.
import { describe, expect, it, vi } from 'vitest';
import { createSignal } from 'solid-js';
import { render, screen, within } from '@solidjs/testing-library';
import './dom.ts';
import BoothVisit from '../../client/pages/student/BoothVisit.tsx';
import type { StudentSession } from '../../client/pages/student/session.ts';
import type { BoothPublic, Profile, StudentView } from '../../shared/protocol.ts';
import { toGlobex, toJo } from './referralFixtures.ts';

const base: Omit<BoothPublic, 'id' | 'slug' | 'employer' | 'booth'> = {
  description: '', website: '', roles: [], status: 'open', place: '', reps: [], fairName: 'Spring Fair', timeZone: 'Europe/Berlin', waiting: 0,
};
const acme: BoothPublic = { ...base, id: 'b1', slug: 'acme', employer: 'ACME', booth: '12' };
const globex: BoothPublic = { ...base, id: 'b2', slug: 'globex', employer: 'Globex', booth: '14' };
const profile: Profile = { name: 'Sam Lee', email: 'sam@uni.example', phone: '', school: '', programme: '', graduationYear: '', link: '', interests: '' };
const sharedWithAcme: StudentView = {
  studentId: 's1', profile, visits: [{ booth: acme, sharedAt: '2026-03-12T10:00:00Z', fields: ['name', 'email'], requests: [] }],
};

function renderVisit(booth: BoothPublic, first: StudentView) {
  const [view, setView] = createSignal(first);
  const session = { share: vi.fn(), request: vi.fn(), pending: () => [], connection: { state: () => 'online' } };
  render(() => <BoothVisit booth={booth} view={view()} profile={profile} session={session as unknown as StudentSession} />);
  return { push: setView };
}

describe('BoothVisit', () => {
  it('shows the booth’s own suggestions as they arrive, below the interview request', () => {
    const { push } = renderVisit(acme, sharedWithAcme);
    expect(screen.queryByRole('heading', { name: 'Suggested for you' })).toBeNull();
    push({ ...sharedWithAcme, referrals: [toJo, toGlobex] });
    const section = screen.getByRole('region', { name: 'Suggested for you' });
    expect(within(section).getByRole('link', { name: 'Globex (booth 14)' })).toHaveAttribute('href', '/b/globex');
    expect(within(section).getByRole('link', { name: 'Save contact: Jo Bloggs' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send request' })).toBeEnabled();
    expect(screen.queryByTestId('referred-here')).toBeNull();
  });

  it('on the referred booth’s page says who suggested it, before the share button, and nothing of the other suggestions', () => {
    renderVisit(globex, { ...sharedWithAcme, referrals: [toJo, toGlobex] });
    expect(screen.getByTestId('referred-here')).toHaveTextContent(/^ACME suggested you come here\.$/);
    expect(screen.getByRole('button', { name: 'Share my details with Globex' })).toBeEnabled();
    expect(screen.queryByText(/Jo Bloggs/)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Suggested for you' })).toBeNull();
  });

  it('names each referring employer once', () => {
    const fromInitech = { ...toGlobex, id: 'ref9', from: { employer: 'Initech', slug: 'initech' } };
    renderVisit(globex, { ...sharedWithAcme, referrals: [toGlobex, { ...toGlobex, id: 'ref8' }, fromInitech] });
    expect(screen.getByTestId('referred-here')).toHaveTextContent(/^ACME and Initech suggested you come here\.$/);
  });
});
