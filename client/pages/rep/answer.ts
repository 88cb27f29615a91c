// Accepting or declining a request: sent once, and on success the picker closes (the session updates the card).
import { createSignal } from 'solid-js';
import type { Reply, RequestCard } from '../../../shared/protocol.ts';

export function createAnswer(props: { close: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  /** Sends the answer; a refusal stays on screen as `error()` and comes back for the caller's own follow-up. */
  async function send(answer: () => Promise<Reply<RequestCard>>): Promise<Reply<RequestCard>> {
    setBusy(true);
    setError('');
    const reply = await answer();
    setBusy(false);
    // The session's outbox has already merged a successful answer into the list.
    if (reply.ok) props.close();
    else setError(reply.error.message);
    return reply;
  }

  return { busy, error, setError, send };
}
