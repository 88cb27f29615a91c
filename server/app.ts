// The composition root for tests and main: wires store, HTTP and sockets. Never listens.
import http from 'node:http';
import https from 'node:https';
import { Server } from 'socket.io';
import type { Config } from './config.ts';
import { createHttpHandler } from './http/handler.ts';
import { createPublisher } from './realtime/broadcast.ts';
import { isAllowedOrigin } from './realtime/origin.ts';
import { registerAdmin } from './realtime/admin.ts';
import { registerRep } from './realtime/rep.ts';
import { registerStudent } from './realtime/student.ts';
import type { Store } from './store/store.ts';

/** Payloads over this are refused before parsing (DESIGN.md section 3). */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

export interface AppDeps {
  store: Store;
  now: () => Date;
  config: Config;
  /** The organiser's secret; required for /api/admin and the /admin namespace. */
  adminToken: string;
  log?: (line: string) => void;
}

export function createApp(deps: AppDeps) {
  const server = deps.config.tls
    ? https.createServer({ cert: deps.config.tls.cert, key: deps.config.tls.key })
    : http.createServer();
  const io = new Server(server, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => callback(null, isAllowedOrigin(req, deps.config)),
  });
  const publish = createPublisher(io, deps.store);
  server.on('request', createHttpHandler({ ...deps, publish }));
  registerStudent(io, { ...deps, publish });
  registerRep(io, { ...deps, publish });
  registerAdmin(io, deps);
  return { http: server, io };
}

export type App = ReturnType<typeof createApp>;
export type Deps = AppDeps & { publish: ReturnType<typeof createPublisher> };
