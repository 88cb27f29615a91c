// The /admin namespace: the organiser's live dashboard.
import type { Server } from 'socket.io';
import type { Deps } from '../deps.ts';
import { isSameSecret } from '../ids.ts';
import { ORGANISERS } from './broadcast.ts';
import { handleNoInput, ok } from './handle.ts';
import { adminFigures } from './adminFigures.ts';

export function registerAdmin(io: Server, deps: Deps): void {
  const nsp = io.of('/admin');
  nsp.use((socket, next) => (isSameSecret(socket.handshake.auth?.token, deps.adminToken) ? next() : next(new Error('UNAUTHORIZED'))));
  nsp.on('connection', (socket) => {
    void socket.join(ORGANISERS);
    socket.on('stats:load', handleNoInput(async () => ok(await adminFigures(deps.store, io.of('/rep'))), deps.log));
  });
}
