// The types that wire the server together: the configuration, and what every HTTP route and
// socket handler is given. Types only: server/http and server/realtime import this, never app.ts
// or main.ts, so no import points back at the composition root.
import type { Reply, StudentView } from '../shared/protocol.ts';
import type { Decision } from './domain/decision.ts';
import type { Limits } from './limits/tries.ts';
import type { Store } from './store/store.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The origin printed on posters and in QR codes, e.g. http://192.168.1.20:8080. */
  publicUrl: string;
  /** Origins allowed to open sockets and call the API (the public URL, the LAN URLs, localhost). */
  origins: string[];
  adminToken?: string;
  /** The built client (vite build). */
  distDir: string;
  /** TLS_CERT and TLS_KEY: the files' paths, as the environment gives them. */
  tlsFiles?: { cert: string; key: string };
  /** The PEM text of those files, read by main.ts: set means HTTPS. */
  tls?: { cert: string; key: string };
  /**
   * DATABASE_URL and REDIS_URL, set together: past one machine, the fair is in PostgreSQL and the
   * live pushes of every process go through Redis. Unset: one process, the data folder.
   */
  cluster?: { databaseUrl: string; redisUrl: string };
}

/** The era of the booths' sequence numbers as a token; a new one means the numbers went back (realtime/epoch.ts). */
export type Epoch = () => string;

/**
 * A student's own view, built as the answer to one of their phones (`socketId`): their other phones
 * and tabs get it pushed, that phone only in its answer.
 */
export interface AnsweredView {
  studentId: string;
  view: StudentView;
  socketId: string;
}

/** One command of a phone, a tablet or the organiser, as the command runner takes it (commands.ts). */
export interface Command<T> {
  /** The client's action id, scoped to its sender: a repeat of it is applied once. */
  key?: string;
  /** The rule: the events to record, or why not. Called once the state is current. */
  decide: () => Decision;
  /** The answer, read off the state once the events are durable (a repeat gets it too). */
  respond: () => T;
  /** When `respond` gave a student's own view: whose, and to which phone, so the push to their other tabs reuses it. */
  viewOf?: (data: T) => AnsweredView;
  /**
   * For erasure and purge: answered ok only once no file in the data folder holds what the
   * command removed; `notWiped` is the sentence if the files could not be wiped yet.
   */
  scrub?: { notWiped: string };
}

/** decide → persist → reply → broadcast: every command from a socket or HTTP goes through it. */
export type Run = <T>(command: Command<T>) => Promise<Reply<T>>;

/** What every route and socket handler is given. */
export interface Deps {
  /** Read its state; commands change it only through `run`. */
  store: Store;
  now: () => Date;
  config: Config;
  /** The organiser's secret; required for /api/admin and the /admin namespace. */
  adminToken: string;
  /** Lines for the organiser's terminal: never personal data. */
  log: (line: string) => void;
  run: Run;
  epoch: Epoch;
  /** Where wrong pairing codes and PINs are counted (this process, or Redis for every process). */
  limits: Limits;
  /** How often pending requests are checked for expiry (tests shorten it). */
  expiryCheckMs?: number;
  /** The longest wait between two checks of the retention date (tests shorten it). */
  retentionCheckMs?: number;
}
