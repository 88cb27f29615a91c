// The PIN the rep chose at pairing opens the rep view behind the kiosk face. The server checks it
// and limits wrong tries; its sentence (wrong PIN, or wait a while) is shown as it comes.
import { createSignal, onMount } from 'solid-js';
import type { Reply } from '../../../shared/protocol.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';

export function PinEntry(props: { unlock: (pin: string) => Promise<Reply<unknown>>; onUnlocked: () => void; onBack: () => void }) {
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  // The rep tapped "Rep view" to type the PIN: the keyboard comes up at once.
  onMount(() => document.getElementById('unlock-pin')?.focus());

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('pin') as HTMLInputElement;
    setBusy(true);
    const reply = await props.unlock(input.value.trim());
    setBusy(false);
    if (reply.ok) return props.onUnlocked();
    setError(reply.error.message);
    input.value = '';
    input.focus();
  }

  return (
    <main class="page kiosk-form">
      <h1>Rep view</h1>
      <form class="form" novalidate onSubmit={submit}>
        <Field
          form="unlock"
          name="pin"
          label="Your PIN"
          hint="The 4 to 8 digits you chose when you paired this tablet."
          type="password"
          inputmode="numeric"
          error={error()}
          onInput={() => setError('')}
        />
        <div class="actions">
          <SubmitButton label="Open the rep view" busyLabel="Checking…" busy={busy()} />
          <button type="button" class="button" onClick={() => props.onBack()}>
            Back
          </button>
        </div>
      </form>
    </main>
  );
}
