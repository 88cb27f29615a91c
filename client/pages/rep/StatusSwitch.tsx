// What students see about the booth: open, on a break, or full (no new interview requests).
import { createSignal, For } from 'solid-js';
import { BOOTH_STATUSES, type BoothStatus } from '../../../shared/schema.ts';
import { STATUS_LABELS } from '../../../shared/boothStatus.ts';
import type { RepSession } from './session.ts';

export function StatusSwitch(props: { session: RepSession; status: BoothStatus }) {
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function choose(status: BoothStatus) {
    if (status === props.status || busy()) return;
    setBusy(true);
    const reply = await props.session.act('booth:status', { status });
    setBusy(false);
    // A successful answer reaches the booth through the session's outbox.
    setMessage(reply.ok ? '' : reply.error.message);
  }

  return (
    <div class="status-switch">
      <div role="group" aria-label="Booth status shown to students">
        <For each={BOOTH_STATUSES}>
          {(status) => (
            <button
              type="button"
              class={`button status-switch__option status-switch__option--${status}`}
              aria-pressed={props.status === status}
              disabled={busy()}
              onClick={() => void choose(status)}
            >
              {STATUS_LABELS[status]}
            </button>
          )}
        </For>
      </div>
      <p role="alert" class="form__message">{message()}</p>
    </div>
  );
}
