// Accepting or declining a request: sent once, and on success the card updates and the picker closes.
import { createSignal } from 'solid-js';
import type { Reply, RequestCard } from '../../../shared/protocol.ts';
import type { RepSession } from './session.ts';

export function createAnswer(props: { session: RepSession; close: () => void }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  /** Sends the answer; a refusal stays on screen as `error()` and comes back for the caller's own follow-up. */
  async function send(answer: () => Promise<Reply<RequestCard>>): Promise<Reply<RequestCard>> {
    setBusy(true);
    setError('');
    const reply = await answer();
    setBusy(false);
    if (reply.ok) {
      props.session.mergeRequest(reply.data);
      props.close();
    } else {
      setError(reply.error.message);
    }
    return reply;
  }

  return { busy, error, setError, send };
}
