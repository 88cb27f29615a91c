// The request status a student watches on the booth page. The session is a stand-in: this part
// only calls request() and cancel(); the status itself comes in through the `request` prop.
import { describe, expect, it, vi } from 'vitest';
import { createSignal } from 'solid-js';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import './dom.ts';
import { InterviewSection } from '../../client/pages/student/InterviewSection.tsx';
import type { StudentSession } from '../../client/pages/student/session.ts';
import type { BoothPublic, Reply, StudentRequest, StudentView } from '../../shared/protocol.ts';
import type { Queued } from '../../client/lib/outbox.ts';
import type { Connection } from '../../client/lib/connection.ts';

const booth: BoothPublic = {
  id: 'b1', slug: 'acme', employer: 'ACME', booth: '12', description: '', website: '', roles: [],
  status: 'open', place: 'Room 2', reps: [], fairName: 'Spring Fair', timeZone: 'Europe/Berlin', waiting: 0,
};
const pending: StudentRequest = { id: 'r1', status: 'pending', note: 'How do juniors start?', createdAt: '2026-03-12T11:00:00Z' };
const accepted: StudentRequest = {
  ...pending,
  status: 'accepted',
  slot: { start: '2026-03-12T12:00:00Z', end: '2026-03-12T12:20:00Z' },
  place: 'Room 2',
  interviewer: { id: 'rep1', name: 'Ada Lovelace', title: 'Recruiter', email: 'ada@acme.example' },
};
const declined: StudentRequest = { ...pending, status: 'declined', message: 'We only hire seniors this year, sorry.' };
const viewWith = (request: StudentRequest): StudentView => ({
  studentId: 's1', profile: null, visits: [{ booth, sharedAt: '2026-03-12T10:00:00Z', fields: ['name', 'email'], requests: [request] }],
});

function renderSection(first: StudentRequest | undefined, cancelReply: Reply<StudentView> = { ok: true, data: viewWith(pending) }) {
  const [view, setView] = createSignal(first ? viewWith(first) : undefined);
  const [queue, setQueue] = createSignal<Queued[]>([]);
  const [connection, setConnection] = createSignal<Connection>('online');
  const answer = vi.fn(async () => cancelReply);
  const session = { request: vi.fn(), cancel: answer, confirm: vi.fn(async () => cancelReply), declineTime: vi.fn(async () => cancelReply), pending: queue, connection: { state: connection } };
  render(() => (
    <InterviewSection booth={booth} request={view()?.visits[0]?.requests[0]} session={session as unknown as StudentSession} />
  ));
  return {
    session, setQueue, setConnection,
    status: () => screen.getByRole('status'),
    push: (next: StudentRequest) => setView(viewWith(next)),
  };
}

describe('InterviewSection', () => {
  it('shows a pending request with the student’s note and a way to cancel it', async () => {
    const noAnswer = 'No answer from the server. Check the Wi-Fi and try again.';
    const { session, status } = renderSection(pending, { ok: false, error: { code: 'INTERNAL', message: noAnswer } });
    expect(within(status()).getByText('Waiting for ACME…')).toBeVisible();
    expect(within(status()).getByText('How do juniors start?')).toBeVisible();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel request' }));
    expect(session.cancel).toHaveBeenCalledWith('r1');
    expect(await screen.findByText(noAnswer)).toHaveAttribute('role', 'alert');
    expect(screen.getByRole('button', { name: 'Cancel request' })).toBeEnabled();
  });

  it('follows a live update to a booked interview in the fair’s time zone', () => {
    const { status, push } = renderSection(pending);
    push(accepted);
    expect(within(status()).queryByText('Waiting for ACME…')).toBeNull();
    expect(within(status()).getByText(/^Interview booked/)).toHaveTextContent(/^Interview booked: 13:00–13:20$/);
    expect(within(status()).getByText('Place: Room 2')).toBeVisible();
    expect(within(status()).getByText(/^With /)).toHaveTextContent(/^With Ada Lovelace, Recruiter · ada@acme\.example$/);
    expect(within(status()).getByRole('link', { name: 'Add to calendar' })).toHaveAttribute('href', '/api/interviews/r1.ics');
    expect(screen.getByRole('button', { name: 'Cancel interview' })).toBeEnabled();
  });

  it('shows a decline with the rep’s message and offers a new request', () => {
    const { status } = renderSection(declined);
    expect(within(status()).getByText('ACME declined your request.')).toBeVisible();
    expect(within(status()).getByText('“We only hire seniors this year, sorry.”')).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send a new request' })).toBeEnabled();
  });

  it('offers a proposed time to confirm or decline, and stops offering a new request once expired', async () => {
    const proposed: StudentRequest = { ...accepted, status: 'proposed' };
    const { session, status, push } = renderSection(proposed);
    expect(within(status()).getByText(/^ACME proposes another time/)).toHaveTextContent(/^ACME proposes another time: 13:00–13:20$/);
    expect(within(status()).queryByRole('link', { name: 'Add to calendar' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm this time' }));
    expect(session.confirm).toHaveBeenCalledWith('r1');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Decline this time' })).toBeEnabled());
    fireEvent.click(screen.getByRole('button', { name: 'Decline this time' }));
    expect(session.declineTime).toHaveBeenCalledWith('r1');

    push({ ...pending, status: 'expired' });
    expect(within(status()).getByText('The interview windows ended before ACME could answer.')).toBeVisible();
    expect(screen.queryByRole('button', { name: /request/ })).toBeNull();
  });

  it('shows an action taken offline as pending, with nothing to tap twice', () => {
    const { setQueue, setConnection, status } = renderSection(undefined);
    setConnection('offline');
    setQueue([{ id: 'a1', event: 'request:create', input: { slug: 'acme', note: '' } }]);
    expect(within(status()).getByText('Your request — pending, will be sent.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Send request' })).toBeNull();
    setConnection('online');
    expect(within(status()).getByText('Your request — sending…')).toBeVisible();
    setQueue([]);
    expect(screen.getByRole('button', { name: 'Send request' })).toBeEnabled();
  });
});

describe('InterviewSection, no pestering', () => {
  const refusedSentence = 'ACME declined your request today, so you cannot ask them again today. They can invite you to ask again.';

  function renderWith(request: StudentRequest | undefined, refused?: string) {
    const [current, setCurrent] = createSignal({ request, refused });
    const session = { request: vi.fn(async () => ({ ok: true, data: viewWith(pending) })), cancel: vi.fn(), pending: () => [], connection: { state: () => 'online' } };
    render(() => (
      <InterviewSection booth={booth} request={current().request} refused={current().refused} session={session as unknown as StudentSession} />
    ));
    return { session, status: () => screen.getByRole('status'), set: setCurrent };
  }

  it('replaces the request form with the server’s sentence after a decline', () => {
    const { status } = renderWith(declined, refusedSentence);
    expect(within(status()).getByText('ACME declined your request.')).toBeVisible();
    expect(within(status()).getByText(refusedSentence)).toBeVisible();
    expect(screen.queryByRole('button', { name: /request/ })).toBeNull();
    expect(screen.queryByLabelText(/what would you like to ask/)).toBeNull();
  });

  it('says the booth invites the student to ask again, and offers the form once more', async () => {
    const { status, set, session } = renderWith(declined, refusedSentence);
    set({ request: { ...declined, invitedAt: '2026-03-12T11:30:00Z' }, refused: undefined });
    expect(within(status()).getByText('ACME invites you to ask again.')).toBeVisible();
    expect(within(status()).queryByText(refusedSentence)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send a new request' }));
    expect(session.request).toHaveBeenCalledWith('acme', '');
    // Once the new request is waiting, the invitation has done its work.
    set({ request: pending, refused: undefined });
    expect(within(status()).queryByText('ACME invites you to ask again.')).toBeNull();
  });

  it('after a first cancel keeps the form and says the student may ask once more; after a second, the sentence', () => {
    const cancelled: StudentRequest = { ...pending, status: 'cancelled' };
    const { status, set } = renderWith(cancelled);
    expect(within(status()).getByText('You cancelled your request.')).toBeVisible();
    expect(within(status()).getByText('You may ask once more.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send a new request' })).toBeEnabled();

    const twice = 'You cancelled two requests to ACME today, so you cannot ask them again today.';
    set({ request: { ...cancelled, id: 'r2' }, refused: twice });
    expect(within(status()).getByText(twice)).toBeVisible();
    expect(within(status()).queryByText('You may ask once more.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send a new request' })).toBeNull();
  });

  it('shows no refusal beside a request that is still open', () => {
    const { status } = renderWith(pending, refusedSentence);
    expect(within(status()).queryByText(refusedSentence)).toBeNull();
    expect(screen.getByRole('button', { name: 'Cancel request' })).toBeEnabled();
  });
});
