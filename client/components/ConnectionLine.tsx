import { Show } from 'solid-js';
import type { TrackedConnection } from '../lib/connection.ts';

const SAID = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' };

/**
 * The connection banner: online, reconnecting or offline, and how many actions wait to be sent.
 * socket.io-client keeps retrying with backoff; the outbox sends what waits once it is back.
 * A refused handshake is not retried: the server's sentence, and a button that reloads the page
 * (the way out when the server was updated and this page's code is older).
 */
export function ConnectionLine(props: { connection: TrackedConnection; pending?: number; notice?: string }) {
  const state = () => props.connection.state();
  return (
    <div role="status" class="connection">
      <p class={state() === 'online' ? 'connection__ok' : 'connection__line'}>
        <Show when={state() !== 'refused'} fallback={props.connection.refusal()}>
          {SAID[state() as keyof typeof SAID]}
          <Show when={props.pending}>{(n) => ` · ${n()} pending — will be sent`}</Show>
        </Show>
      </p>
      <Show when={state() === 'refused'}>
        <button type="button" class="button" onClick={() => location.reload()}>
          Reload
        </button>
      </Show>
      <Show when={props.notice}>
        <p class="connection__line">{props.notice}</p>
      </Show>
    </div>
  );
}
