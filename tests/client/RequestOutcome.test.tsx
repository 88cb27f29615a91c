// A booked interview once its time has come (attended / no-show, a next step), a declined request
// the booth may invite to ask again, and the three lists a rep works through.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { type } from './dom.ts';
import { RequestCardView } from '../../client/pages/rep/RequestCardView.tsx';
import { stageOf } from '../../client/pages/rep/RepView.tsx';
import { SignOut } from '../../client/pages/rep/SignOut.tsx';
import type { Reply, RequestCard } from '../../shared/protocol.ts';
import { fakeRepSession } from './repSession.ts';

const SLOT = { start: '2026-03-12T12:20:00Z', end: '2026-03-12T12:40:00Z' };
const booked: RequestCard = {
  id: 'r1', studentId: 's1', student: { name: 'Sam Lee', email: 'sam@uni.example' }, note: '', status: 'accepted', slot: SLOT,
  createdAt: '2026-03-12T11:00:00Z', updatedAt: '2026-03-12T11:00:00Z',
};
const at = (iso: string) => Date.parse(iso);

describe('a booked interview', () => {
  it('offers attended / no-show only once its slot has begun', () => {
    const { session } = fakeRepSession();
    render(() => <RequestCardView request={booked} session={session} timeZone="Europe/Berlin" fresh={false} now={at('2026-03-12T12:19:00Z')} />);
    expect(screen.queryByRole('button', { name: 'No-show' })).toBeNull();
  });

  it('records a no-show with the next step', async () => {
    const { session, act } = fakeRepSession({ answer: (_e, input) => ({ ok: true, data: { ...booked, ...input } }) });
    render(() => <RequestCardView request={booked} session={session} timeZone="Europe/Berlin" fresh={false} now={at('2026-03-12T12:21:00Z')} />);
    expect(screen.getByLabelText(/Next step/)).toHaveAttribute('list');
    type(screen.getByLabelText(/Next step/), 'Second interview');
    fireEvent.click(screen.getByRole('button', { name: 'No-show' }));
    await waitFor(() => expect(act).toHaveBeenCalledWith('request:outcome', { requestId: 'r1', outcome: 'noShow', nextStep: 'Second interview' }));
  });

  it('says how it went once recorded, and is done', () => {
    const { session } = fakeRepSession();
    const held = { ...booked, outcome: 'noShow' as const, nextStep: 'Send application link' };
    render(() => <RequestCardView request={held} session={session} timeZone="Europe/Berlin" fresh={false} now={at('2026-03-12T13:00:00Z')} />);
    expect(screen.getAllByText(/No-show/)[0]).toBeVisible();
    expect(screen.getByText('13:20–13:40: No-show · Next step: Send application link')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Attended' })).toBeNull();
    expect([stageOf(booked), stageOf(held)]).toEqual(['booked', 'done']);
  });
});

describe('a declined request', () => {
  it('can be invited to ask again, and then says when', async () => {
    const declined = { ...booked, status: 'declined' as const, slot: undefined };
    const { session, act } = fakeRepSession({ answer: () => ({ ok: true, data: { ...declined, invitedAt: '2026-03-12T12:05:00Z' } }) });
    const { unmount } = render(() => <RequestCardView request={declined} session={session} timeZone="Europe/Berlin" fresh={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Invite to ask again' }));
    await waitFor(() => expect(act).toHaveBeenCalledWith('request:invite', { requestId: 'r1' }));
    unmount();
    render(() => <RequestCardView request={{ ...declined, invitedAt: '2026-03-12T12:05:00Z' }} session={session} timeZone="Europe/Berlin" fresh={false} />);
    expect(screen.getByText('Invited to ask again at 13:05')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Invite to ask again' })).toBeNull();
    expect(['pending', 'proposed', 'declined', 'cancelled', 'expired'].map((status) => stageOf({ ...booked, status } as RequestCard)))
      .toEqual(['waiting', 'waiting', 'done', 'done', 'done']);
  });
});

describe('SignOut', () => {
  it('asks first; only "Yes" signs out, and a failure keeps the tablet with the sentence', async () => {
    let reply: Reply<{ signedOut: true }> = { ok: false, error: { code: 'INTERNAL', message: 'No answer from the server. Check the Wi-Fi and try again.' } };
    let signedOut = 0;
    let asked = 0;
    render(() => <SignOut signOut={async () => (asked++, reply)} onSignedOut={() => signedOut++} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out this tablet' }));
    expect(screen.getByText("Sign out this tablet? You will need the booth's pairing code to use it again.")).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'No, stay signed in' }));
    expect(asked).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out this tablet' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out' }));
    expect(await screen.findByText('No answer from the server. Check the Wi-Fi and try again.')).toBeVisible();
    expect(signedOut).toBe(0);
    reply = { ok: true, data: { signedOut: true } };
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out' }));
    await waitFor(() => expect(signedOut).toBe(1));
  });
});
