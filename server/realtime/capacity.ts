// Sheds connections past the server's capacity (limits/connections.ts), so that they never take
// the files the store needs: a flood of sockets is turned away at the door, and writes go on.
// Open connections are counted by hand, one up per accepted socket and one down when it closes:
// listing /proc at every connection would cost too much at 5,000 of them.
import type { Server as NetServer, Socket as NetSocket } from 'node:net';
import type { Namespace, Server } from 'socket.io';
import type { HandshakeRefusal } from '../../shared/protocol.ts';
import type { ConnectionCapacity } from '../limits/connections.ts';

export const BUSY = "The fair's server has all the connections it can hold right now. Wait a minute, then tap Reload.";
/** The organiser's terminal hears that connections are being turned away at most this often. */
const REPORT_EVERY_MS = 60_000;
/** The organiser's page still joins when phones fill the server: it needs the token, and there are few. */
const ORGANISER_NAMESPACE = '/admin';

export interface ConnectionGuard {
  /** Sheds past these counts from now on; main.ts calls it once it knows the limit (tests need not). */
  hold(capacity: ConnectionCapacity): void;
  /** For engine.io's allowRequest: the sentence if a new socket.io session must be refused. */
  handshakeRefusal(): string | undefined;
  /**
   * Refuses phones and tablets joining past capacity with BUSY, which the page shows beside a Reload
   * button. Hooks each namespace as it is made: call it before they are, after refuseOtherVersions.
   */
  shedSessions(io: Server): void;
}

export function guardConnections(http: NetServer, log: (line: string) => void): ConnectionGuard {
  let open = 0;
  let capacity: ConnectionCapacity | undefined;
  let reportedAtMs = -Infinity;
  const report = (what: string) => {
    const now = performance.now();
    if (now - reportedAtMs < REPORT_EVERY_MS) return;
    reportedAtMs = now;
    const limit = capacity === undefined ? 'its open-file limit' : `its limit of ${capacity.fileLimit.toLocaleString('en-US')} open files`;
    log(`Turning away ${what}: ${open.toLocaleString('en-US')} connections are open, as many as this server holds under ${limit}. To hold more, raise the limit and restart (README, "Open files").`);
  };

  http.on('connection', (socket: NetSocket) => {
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  http.on('drop', () => report('connections'));
  // Once listening, an error is a connection that could not be accepted (no file left for it):
  // shed like the others, never a reason to stop the server.
  http.once('listening', () => http.on('error', (error: NodeJS.ErrnoException) => report(`connections (${error.code ?? error.message})`)));

  const data: HandshakeRefusal = { code: 'BUSY', message: BUSY };
  const shed = (nsp: Namespace) => {
    if (nsp.name === ORGANISER_NAMESPACE) return;
    nsp.use((_socket, next) => {
      if (capacity === undefined || open <= capacity.sessions) return next();
      report('phones and tablets');
      next(Object.assign(new Error('BUSY'), { data }));
    });
  };

  return {
    hold(held) {
      capacity = held;
      http.maxConnections = held.connections;
    },
    handshakeRefusal() {
      if (capacity === undefined || open <= capacity.handshakes) return undefined;
      report('new sessions');
      return BUSY;
    },
    shedSessions(io) {
      shed(io.of('/'));
      io.on('new_namespace', shed);
    },
  };
}
