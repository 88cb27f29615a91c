// Whether a socket is connected, as a signal, for the connection banner.
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Socket } from 'socket.io-client';
import type { HandshakeRefusal } from '../../shared/protocol.ts';

/** 'reconnecting': socket.io-client is retrying; 'offline': and the device says it has no network. */
export type Connection = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'refused';

export interface TrackedConnection {
  state: Accessor<Connection>;
  /** Why the server refused the handshake, as a sentence to show (only set when state is 'refused'). */
  refusal: Accessor<string>;
}

/** Tracks the socket's state; `onConnect` runs on every (re)connect so stores reload their state. */
export function trackConnection(socket: Socket<any, any>, onConnect: () => void): TrackedConnection {
  const [state, setState] = createSignal<Connection>(socket.connected ? 'online' : 'connecting');
  const [refusal, setRefusal] = createSignal('');
  const away = () => setState(navigator.onLine === false ? 'offline' : 'reconnecting');
  const network = () => state() !== 'online' && state() !== 'refused' && away();
  addEventListener('online', network);
  addEventListener('offline', network);
  onCleanup(() => {
    removeEventListener('online', network);
    removeEventListener('offline', network);
  });
  socket.on('connect', () => {
    setState('online');
    onConnect();
  });
  socket.on('disconnect', (reason) => {
    away();
    // The server dropped us on purpose (say, a revoked tablet): ask again so the handshake says why.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    // socket.io-client retries network failures itself; a refused handshake it does not.
    if (socket.active) return away();
    // The server's own sentence when it gave one (OUTDATED: this page's code is older than the server's).
    const said = (err as Error & { data?: Partial<HandshakeRefusal> }).data?.message;
    setRefusal(said ?? `The server refused the connection (${err.message}). Reload the page to try again.`);
    setState('refused');
  });
  return { state, refusal };
}
