// The composition root for tests and main: wires store, HTTP and sockets. Never listens.
import http from 'node:http';
import https from 'node:https';
import { Server, type ServerOptions } from 'socket.io';
import { createCommandRunner } from './commands.ts';
import type { Config, Deps } from './deps.ts';
import { buildingIndexes } from './domain/indexes.ts';
import { execute as realExecute, type Execute } from './execute.ts';
import { createHttpHandler } from './http/handler.ts';
import { createPublisher } from './realtime/broadcast.ts';
import { epochOf } from './realtime/epoch.ts';
import { guardConnections } from './realtime/capacity.ts';
import { guardEvents } from './realtime/handle.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './limits/rates.ts';
import { startExpiry } from './realtime/expiry.ts';
import { startRetention } from './realtime/retention.ts';
import { isAllowedOrigin } from './realtime/origin.ts';
import { registerAdmin } from './realtime/admin.ts';
import { registerRep } from './realtime/rep.ts';
import { registerStudent } from './realtime/student.ts';
import { refuseOtherVersions } from './realtime/version.ts';
import type { Store } from './store/store.ts';
import { localLimits, type Limits } from './limits/tries.ts';
import { eachInTurns } from './turns.ts';

/** How long the indexes' build after a start may hold the loop at a time. */
const INDEX_TURN_MS = 2;

/** Payloads over this are refused before parsing (docs/architecture.md, Identity and security). */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/**
 * How long the server keeps a dropped socket's rooms and missed pushes for a quick reconnect.
 * socket.io keeps every push to any room for this long, so it is short: a longer drop is covered
 * by the resync every screen does on reconnect anyway.
 */
export const RECOVERY_WINDOW_MS = 30_000;

/** What main.ts (or a test) gives the server; the handlers then get `Deps` (deps.ts). */
export interface AppDeps {
  store: Store;
  now: () => Date;
  config: Config;
  /** The organiser's secret; required for /api/admin and the /admin namespace. */
  adminToken: string;
  log?: (line: string) => void;
  /** How often pending requests are checked for expiry (tests shorten it). */
  expiryCheckMs?: number;
  /** The longest wait between two checks of the retention date (tests shorten it). */
  retentionCheckMs?: number;
  /** Tests only: a variant of `execute` (the flap test's negative control turns dedupe off). */
  execute?: Execute;
  /** Events allowed per socket and per address (tests lower them, or stop exempting 127.0.0.1). */
  rateLimits?: RateLimits;
  /** Past one machine: socket.io's Redis Streams adapter (cluster.ts), so every process's pushes reach every screen. */
  adapter?: Partial<ServerOptions>['adapter'];
  /** Past one machine: wrong pairing codes and PINs counted in Redis for every process (cluster.ts). */
  limits?: Limits;
}

export function createApp(deps: AppDeps) {
  const server = deps.config.tls
    ? https.createServer({ cert: deps.config.tls.cert, key: deps.config.tls.key })
    : http.createServer();
  const log = deps.log ?? ((line: string) => console.error(line));
  const connections = guardConnections(server, log); // sheds nothing until main.ts says how many it holds
  const io = new Server(server, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => {
      if (!isAllowedOrigin(req, deps.config)) return callback(null, false);
      const busy = connections.handshakeRefusal();
      callback(busy ?? null, busy === undefined);
    },
    // Missed pushes are replayed after a short drop. The auth middlewares run again on that
    // reconnect, so a tablet revoked meanwhile does not slip back in with its old session.
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    ...(deps.adapter && { adapter: deps.adapter }),
  });
  guardEvents(io, deps.rateLimits ?? DEFAULT_RATE_LIMITS); // before the namespaces: it hooks each as it is made
  refuseOtherVersions(io); // likewise, and ahead of each namespace's credential check
  connections.shedSessions(io); // likewise, after the version check: an old page is told to reload first
  const { store, now, config, adminToken, expiryCheckMs, retentionCheckMs } = deps;
  const epoch = epochOf(store);
  const publish = createPublisher(io, store, epoch, now, expiryCheckMs, deps.adapter !== undefined); // the same beat as expiry: tests shorten both
  const run = createCommandRunner({ store, execute: deps.execute ?? realExecute, publish, log });
  const handlers: Deps = { store, now, config, adminToken, log, run, epoch, expiryCheckMs, retentionCheckMs, limits: deps.limits ?? localLimits };
  server.on('request', createHttpHandler(handlers));
  registerStudent(io, handlers);
  registerRep(io, handlers);
  registerAdmin(io, handlers);
  const stopExpiry = startExpiry(handlers);
  server.on('close', stopExpiry);
  const stopRetention = startRetention(handlers); // its first check now: a server started after the retention date purges at once
  server.on('close', stopRetention);
  // Before the first phone needs them, without holding it up: in short turns, as a request after a
  // start takes a few turns to be read and answered (issue #14). Begun once the server listens:
  // each turn of the start itself (reading the organiser's token, listening) would wait for one.
  server.once('listening', () => {
    store.afterStart?.();
    void eachInTurns(buildingIndexes(store.state), () => undefined, INDEX_TURN_MS);
  });
  return { http: server, io, connections };
}

export type App = ReturnType<typeof createApp>;
