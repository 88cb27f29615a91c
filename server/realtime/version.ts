// A page keeps running the code it loaded; the server may have been updated since. Every handshake
// says which protocol its page speaks, and one that is not the server's is refused with a sentence
// the page shows beside a Reload button, instead of half-working against events that changed.
import type { Namespace, Server } from 'socket.io';
import { PROTOCOL_VERSION, type HandshakeRefusal } from '../../shared/protocol.ts';

export const OUTDATED = 'Boothlink was updated on the server. Reload this page to continue.';

/**
 * Refuses every handshake whose `auth.version` is not PROTOCOL_VERSION, a missing one too: every
 * page since versions were exchanged sends it, so a page without one is older still. Call it
 * before the namespaces are made: it hooks each as it is created, ahead of its credential check,
 * so an old page is told to reload rather than to sign in again.
 */
export function refuseOtherVersions(io: Server): void {
  const data: HandshakeRefusal = { code: 'OUTDATED', message: OUTDATED };
  const check = (nsp: Namespace) =>
    nsp.use((socket, next) => {
      const auth = socket.handshake.auth as { version?: unknown } | undefined;
      next(auth?.version === PROTOCOL_VERSION ? undefined : Object.assign(new Error('OUTDATED'), { data }));
    });
  check(io.of('/'));
  io.on('new_namespace', check);
}
