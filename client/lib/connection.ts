// Whether a socket is connected, as a signal, for the small "Reconnecting…" line.
import { createSignal, type Accessor } from 'solid-js';
import type { Socket } from 'socket.io-client';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

export interface TrackedConnection {
  state: Accessor<Connection>;
  /** Why the server refused the handshake (only set when state is 'refused'). */
  refusal: Accessor<string>;
}

/** Tracks the socket's state; `onConnect` runs on every (re)connect so stores reload their state. */
export function trackConnection(socket: Socket<any, any>, onConnect: () => void): TrackedConnection {
  const [state, setState] = createSignal<Connection>(socket.connected ? 'online' : 'connecting');
  const [refusal, setRefusal] = createSignal('');
  socket.on('connect', () => {
    setState('online');
    onConnect();
  });
  socket.on('disconnect', (reason) => {
    setState('offline');
    // The server dropped us on purpose (say, a revoked tablet): ask again so the handshake says why.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    // socket.io-client retries network failures itself; a refused handshake it does not.
    setState(socket.active ? 'offline' : 'refused');
    setRefusal(socket.active ? '' : err.message);
  });
  return { state, refusal };
}
