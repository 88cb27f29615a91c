import { Match, Switch } from 'solid-js';
import type { TrackedConnection } from '../lib/connection.ts';

/** A quiet line while the socket is away; socket.io-client keeps retrying with backoff. */
export function ConnectionLine(props: { connection: TrackedConnection }) {
  return (
    <div role="status" class="connection">
      <Switch>
        <Match when={props.connection.state() === 'offline'}>
          <p class="connection__line">Reconnecting…</p>
        </Match>
        <Match when={props.connection.state() === 'refused'}>
          <p class="connection__line">
            The server refused the connection ({props.connection.refusal()}). Reload the page to try again.
          </p>
        </Match>
      </Switch>
    </div>
  );
}
