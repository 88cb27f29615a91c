// The /admin namespace: the organiser's live dashboard.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'socket.io';
import type { AppDeps } from '../app.ts';
import { ORGANISERS } from './broadcast.ts';
import { handleNoInput, ok } from './handle.ts';
import { adminStats } from './stats.ts';

/** Constant-time comparison of a presented token with the organiser's. */
export function isAdminToken(presented: unknown, adminToken: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 200) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(presented), digest(adminToken));
}

export function registerAdmin(io: Server, deps: AppDeps): void {
  const nsp = io.of('/admin');
  nsp.use((socket, next) => (isAdminToken(socket.handshake.auth?.token, deps.adminToken) ? next() : next(new Error('UNAUTHORIZED'))));
  nsp.on('connection', (socket) => {
    void socket.join(ORGANISERS);
    socket.on('stats:load', handleNoInput(() => ok(adminStats(deps.store.state)), deps.log ?? (() => {})));
  });
}
