// Start a real Boothlink server on port 0 with real files, connect real clients, wait for things.
import fs from 'node:fs';
import path from 'node:path';
import net, { type AddressInfo } from 'node:net';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { createApp, type App, type AppDeps } from '../server/app.ts';
import type { Config } from '../server/deps.ts';
import { openFileStore } from '../server/store/fileStore.ts';
import type { Store } from '../server/store/store.ts';
import { tempDir } from './tempDir.ts';
import {
  PROTOCOL_VERSION, type AdminClientEvents, type AdminServerEvents, type RepClientEvents, type RepServerEvents,
  type StudentClientEvents, type StudentServerEvents,
} from '../shared/protocol.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestServer {
  url: string;
  port: number;
  app: App;
  store: Store;
  adminToken: string;
  dataDir: string;
  config: Config;
  logs: string[];
  /** The durable records' lines, oldest first: the journal's, or past one machine the table's. */
  records(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StartOptions extends Pick<AppDeps, 'execute' | 'expiryCheckMs' | 'rateLimits' | 'retentionCheckMs'> {
  now?: () => Date;
  distDir?: string;
  dataDir?: string;
  /** Instead of a file store on `dataDir`. */
  store?: Store;
}

export { tempDir };

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  if (process.env.BOOTHLINK_TEST_CLUSTER && options.store === undefined && options.dataDir === undefined) {
    const { startCluster } = await import('./postgres/cluster.ts');
    return startCluster(options);
  }
  const dataDir = options.dataDir ?? tempDir();
  const store = options.store ?? (await openFileStore(dataDir));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    publicUrl: 'http://127.0.0.1:0',
    origins: [],
    distDir: options.distDir ?? path.resolve('dist'),
  };
  const logs: string[] = [];
  const { execute, expiryCheckMs, rateLimits, retentionCheckMs } = options;
  const app = createApp({ store, now: options.now ?? (() => new Date()), config, adminToken: ADMIN_TOKEN, log: (l) => logs.push(l), execute, expiryCheckMs, rateLimits, retentionCheckMs });
  const { port, url } = await listenOnAnyPort(app.http, config);
  let closed = false;
  return {
    url, port, app, store, adminToken: ADMIN_TOKEN, dataDir, config, logs,
    records: async () => (await fs.promises.readFile(path.join(dataDir, 'journal.jsonl'), 'utf8')).split('\n').filter(Boolean),
    async close() {
      if (closed) return;
      closed = true;
      const ioClosed = new Promise<void>((resolve) => app.io.close(() => resolve()));
      // A keep-alive connection whose response was still finishing when close() began is not
      // idle yet, and Node 20 would wait seconds for it: end every test connection now.
      app.http.closeAllConnections();
      await ioClosed;
      await store.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP server that pipes each connection both ways to the socket `upstream` opens for it, as a
 * reverse proxy would; `sockets` holds every open end, so that a test can cut them all.
 */
export function forwarder(upstream: () => net.Socket): { server: net.Server; sockets: Set<net.Socket> } {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const other = upstream();
    for (const [from, to] of [[client, other], [other, client]] as const) {
      sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  return { server, sockets };
}

/** Listens on a free loopback port and points `config` (posters, allowed origins) at it. */
export async function listenOnAnyPort(server: net.Server, config: Config): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  config.port = port;
  config.publicUrl = url;
  config.origins = [url, `http://localhost:${port}`];
  return { port, url };
}

export interface ApiOptions {
  method?: string;
  token?: string;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

export function api(url: string, route: string, options: ApiOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  return fetch(`${url}${route}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

export type StudentClient = Socket<StudentServerEvents, StudentClientEvents>;
export type RepClient = Socket<RepServerEvents, RepClientEvents>;
export type AdminClient = Socket<AdminServerEvents, AdminClientEvents>;

const sockets: Socket[] = [];

async function connected<S extends Socket>(socket: S): Promise<S> {
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** A handshake's `auth`: the credential, and the protocol version every page sends beside it. */
export const withVersion = (auth: object = {}): Record<string, unknown> => ({ version: PROTOCOL_VERSION, ...auth });

const options: Partial<ManagerOptions & SocketOptions> = { transports: ['websocket'], reconnection: false, forceNew: true };
export const connectStudent = (url: string, key: string): Promise<StudentClient> =>
  connected(connect(`${url}/student`, { ...options, auth: withVersion({ key }) }));
export const connectRep = (url: string, token: string): Promise<RepClient> =>
  connected(connect(`${url}/rep`, { ...options, auth: withVersion({ token }) }));
export const connectAdmin = (url: string, token: string): Promise<AdminClient> =>
  connected(connect(`${url}/admin`, { ...options, auth: withVersion({ token }) }));

/** Disconnects every client made through the helpers above. */
export function disconnectAll(): void {
  for (const socket of sockets.splice(0)) socket.disconnect();
}

/**
 * How long a test waits for something to happen before it fails. Every wait ends as soon as its
 * condition holds, so this costs nothing when things work; it is long so that a busy, shared
 * 2-core machine, slow by seconds, does not fail a test that would pass on a quiet one.
 */
export const PATIENCE_MS = 30_000;

/** The files a process holds open (Linux: the links in /proc/<pid>/fd). */
export function openFilesOf(pid: number | 'self' = 'self'): string[] {
  return fs.readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [fs.readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return []; // closed meanwhile (the listing's own, for one)
    }
  });
}

/** Polls until the predicate holds; fails with `what` after the timeout. */
export async function waitFor(predicate: () => boolean, timeoutMs = PATIENCE_MS, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves with the next payload of an event. */
export const nextEvent = <T>(socket: Socket, event: string, timeoutMs = PATIENCE_MS): Promise<T> => eventWhere<T>(socket, event, () => true, timeoutMs);

/**
 * Resolves with the first payload of an event that `matches`: past one machine, a push made before
 * an answer can arrive after it (through Redis), so the next one is not always the one meant.
 */
export function eventWhere<T>(socket: Socket, event: string, matches: (payload: T) => boolean, timeoutMs = PATIENCE_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`No ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** A 128-bit student key, as a phone makes it. */
export const studentKey = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
export const actionId = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url');

type ClientEventsOf<S> = S extends Socket<infer _Listen, infer Emit> ? Emit : never;
type Params<F> = F extends (...args: infer P) => unknown ? P : never;
type AllButLast<T extends unknown[]> = T extends [...infer Head, unknown] ? Head : never;
type LastArg<T extends unknown[]> = T extends [...unknown[], infer L] ? L : never;
type AckValue<F> = F extends (reply: infer R) => void ? R : never;

/** An answer that never comes fails the test after this long. */
export const ACK_TIMEOUT_MS = PATIENCE_MS;

/**
 * `emitWithAck` with a timeout and the reply typed from the contract
 * (socket.io-client's own `timeout()` typing loses the reply type).
 */
export function ask<S extends Socket, E extends keyof ClientEventsOf<S> & string>(
  socket: S,
  event: E,
  ...args: AllButLast<Params<ClientEventsOf<S>[E]>>
): Promise<AckValue<LastArg<Params<ClientEventsOf<S>[E]>>>> {
  return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...(args as unknown[]));
}

/** A small seeded PRNG (mulberry32): the same sequence for the same seed on every machine, so a randomised test fails the same way every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A port nobody listens on right now, for a child server that cannot be told to use port 0. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One socket handshake, closed at once: "connected", or the refusal's message. `auth` gets the protocol version unless it has one. */
export function handshakeResult(url: string, options: Partial<ManagerOptions & SocketOptions>): Promise<string> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options, auth: withVersion(options.auth) });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.disconnect());
}
