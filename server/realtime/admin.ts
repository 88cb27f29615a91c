// The /admin namespace: the organiser's live dashboard.
import type { Server } from 'socket.io';
import { adminStats } from '../domain/stats.ts';
import type { Deps } from '../deps.ts';
import { isSameSecret } from '../ids.ts';
import { ORGANISERS } from './broadcast.ts';
import { handleNoInput, ok } from './handle.ts';
import { tabletsOnline } from './tablets.ts';

export function registerAdmin(io: Server, deps: Deps): void {
  const nsp = io.of('/admin');
  nsp.use((socket, next) => (isSameSecret(socket.handshake.auth?.token, deps.adminToken) ? next() : next(new Error('UNAUTHORIZED'))));
  nsp.on('connection', (socket) => {
    void socket.join(ORGANISERS);
    socket.on('stats:load', handleNoInput(() => ok(adminStats(deps.store.state, tabletsOnline(io.of('/rep'), deps.store.state))), deps.log));
  });
}
