// A request card on the tablet: a decision taken offline shows as pending (no second tap), and a
// proposed time shows who proposed what until the student answers.
import { describe, expect, it } from 'vitest';
import { createSignal } from 'solid-js';
import { render, screen } from '@solidjs/testing-library';
import './dom.ts';
import { RequestCardView } from '../../client/pages/rep/RequestCardView.tsx';
import type { RepSession } from '../../client/pages/rep/session.ts';
import type { Queued } from '../../client/lib/outbox.ts';
import type { Connection } from '../../client/lib/connection.ts';
import type { RequestCard } from '../../shared/protocol.ts';

const SLOT = { start: '2026-03-12T12:20:00Z', end: '2026-03-12T12:40:00Z' };
const pending: RequestCard = {
  id: 'r1', studentId: 's1', student: { name: 'Sam Lee', email: 'sam@uni.example' }, note: '', status: 'pending',
  createdAt: '2026-03-12T11:00:00Z', updatedAt: '2026-03-12T11:00:00Z',
};

function renderCard(request: RequestCard, queue: Queued[] = [], state: Connection = 'online') {
  const [connection, setConnection] = createSignal<Connection>(state);
  const session = {
    queued: (id: string) => queue.find((q) => q.input.requestId === id), connection: { state: connection }, visitorOf: () => undefined,
  };
  render(() => <RequestCardView request={request} session={session as unknown as RepSession} timeZone="Europe/Berlin" fresh={false} />);
  return { setConnection };
}

describe('RequestCardView', () => {
  it('shows an accept taken offline as pending, with no buttons to tap again', () => {
    const { setConnection } = renderCard(pending, [{ id: 'a1', event: 'request:accept', input: { requestId: 'r1', start: SLOT.start } }], 'offline');
    expect(screen.getByText('Accept for 13:20 — pending, will be sent')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Accept…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
    setConnection('online');
    expect(screen.queryByText(/pending, will be sent/)).toBeNull();
  });

  it('offers accepting, proposing another time or declining a pending request', () => {
    renderCard(pending);
    for (const name of ['Accept…', 'Propose another time…', 'Decline']) expect(screen.getByRole('button', { name })).toBeEnabled();
  });

  it('shows a proposed time waiting for the student, and a proposal the student declined', () => {
    renderCard({ ...pending, status: 'proposed', slot: SLOT, place: 'Room 2', interviewer: { id: 'ada', name: 'Ada', title: '' } });
    expect(screen.getByText('Time proposed')).toBeVisible();
    expect(screen.getByText(/^Proposed/)).toHaveTextContent('Proposed 13:20–13:40 · Room 2 · with Ada — waiting for the student to confirm');
    expect(screen.queryByRole('button', { name: 'Accept…' })).toBeNull();
  });

  it('tells the rep which time a student could not make', () => {
    renderCard({ ...pending, declinedSlot: SLOT });
    expect(screen.getByText('Sam Lee could not make 13:20–13:40.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Propose another time…' })).toBeEnabled();
  });
});
