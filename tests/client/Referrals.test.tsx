// The referrals a student sees on the booth page and on /me: to a booth, one tap away; to a
// colleague who is not at the fair, with their email and contact card.
import { describe, expect, it } from 'vitest';
import { createSignal } from 'solid-js';
import { render, screen, within } from '@solidjs/testing-library';
import './dom.ts';
import { Referrals, referralsAt } from '../../client/pages/student/Referrals.tsx';
import type { StudentReferral } from '../../shared/protocol.ts';
import { toGlobex, toJo } from './referralFixtures.ts';

describe('Referrals', () => {
  it('names the booth a rep suggests, with its page one tap away and the rep’s note', () => {
    render(() => <Referrals referrals={[toGlobex]} />);
    const item = screen.getByRole('listitem');
    expect(item.querySelector('p')).toHaveTextContent(/^ACME suggests you visit Globex \(booth 14\)$/);
    expect(within(item).getByRole('link', { name: 'Globex (booth 14)' })).toHaveAttribute('href', '/b/globex');
    expect(within(item).getByText('They hire interns in robotics.')).toBeVisible();
  });

  it('leaves out the booth number of a booth that has none', () => {
    render(() => <Referrals referrals={[{ ...toGlobex, to: { ...toGlobex.to, booth: '' } as StudentReferral['to'] }]} />);
    expect(screen.getByRole('link', { name: 'Globex' })).toHaveAttribute('href', '/b/globex');
  });

  it('gives a colleague’s name, role, note, email link and contact card', () => {
    render(() => <Referrals referrals={[toJo]} />);
    const item = screen.getByRole('listitem');
    expect(item.querySelector('p')).toHaveTextContent(/^ACME suggests you contact Jo Bloggs, Head of Data$/);
    expect(within(item).getByText('Mention my name.')).toBeVisible();
    expect(within(item).getByRole('link', { name: 'jo@acme.example' })).toHaveAttribute('href', 'mailto:jo@acme.example');
    const card = within(item).getByRole('link', { name: 'Save contact: Jo Bloggs' });
    expect(card).toHaveAttribute('href', '/api/referrals/ref2.vcf');
    expect(card).toHaveAttribute('download');
  });

  it('follows the list as new referrals arrive', () => {
    const [list, setList] = createSignal<StudentReferral[]>([toGlobex]);
    render(() => <Referrals referrals={list()} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    setList([toJo, toGlobex]);
    expect(screen.getAllByRole('listitem').map((li) => li.querySelector('p')?.textContent)).toEqual([
      'ACME suggests you contact Jo Bloggs, Head of Data', 'ACME suggests you visit Globex (booth 14)',
    ]);
  });

  it('picks the referrals a booth page concerns: sent from it, or sent to it', () => {
    const fromGlobex: StudentReferral = { ...toJo, id: 'ref3', from: { employer: 'Globex', slug: 'globex' } };
    const all = [toGlobex, toJo, fromGlobex];
    expect(referralsAt(all, 'acme')).toEqual({ from: [toGlobex, toJo], to: [] });
    expect(referralsAt(all, 'globex')).toEqual({ from: [fromGlobex], to: [toGlobex] });
    expect(referralsAt(undefined, 'acme')).toEqual({ from: [], to: [] });
  });
});
