// "Sign out this tablet" asks first: a slip of the finger would otherwise need the organiser's
// pairing code. The server stops the token before the tablet forgets it.
import { createSignal, Show } from 'solid-js';
import type { Reply } from '../../../shared/protocol.ts';

export function SignOut(props: { signOut: () => Promise<Reply<{ signedOut: true }>>; onSignedOut: () => void }) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  async function confirm() {
    setBusy(true);
    setError('');
    const reply = await props.signOut();
    setBusy(false);
    // UNAUTHORIZED: the token already stopped working (revoked meanwhile); forgetting it is right.
    if (reply.ok || reply.error.code === 'UNAUTHORIZED') return props.onSignedOut();
    setError(reply.error.message);
  }

  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="button" onClick={() => setAsking(true)}>
          Sign out this tablet
        </button>
      }
    >
      <div class="confirm" role="group" aria-labelledby="sign-out-question">
        <p id="sign-out-question" class="confirm__question">
          Sign out this tablet? You will need the booth's pairing code to use it again.
        </p>
        <p role="alert" class="form__message">{error()}</p>
        <div class="actions">
          <button type="button" class="button button--danger" disabled={busy()} onClick={() => void confirm()}>
            {busy() ? 'Signing out…' : 'Yes, sign out'}
          </button>
          <button type="button" class="button" disabled={busy()} onClick={() => setAsking(false)}>
            No, stay signed in
          </button>
        </div>
      </div>
    </Show>
  );
}
