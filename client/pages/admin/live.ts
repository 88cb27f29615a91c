// Live counts for the organiser over the /admin namespace; every (re)connect reloads them.
import { createSignal, onCleanup } from 'solid-js';
import type { AdminStats } from '../../../shared/protocol.ts';
import { call, closeSocket, connectAdmin } from '../../lib/socket.ts';
import { trackConnection } from '../../lib/connection.ts';

/** `onConnect` lets the page reload what the socket does not push (the booth list). */
export function createAdminLive(token: string, onConnect: () => void) {
  const socket = connectAdmin(token);
  const [stats, setStats] = createSignal<AdminStats>();
  const connection = trackConnection(socket, async () => {
    onConnect();
    const reply = await call(socket, 'stats:load');
    if (reply.ok) setStats(reply.data);
  });
  socket.on('stats:changed', (next) => setStats(next));
  onCleanup(() => closeSocket(socket));
  return { stats, connection };
}
