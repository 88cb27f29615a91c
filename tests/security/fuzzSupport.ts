// A fuzz target: a real server on a fair with data in it, whose files change only when an action
// is taken, and the checks that every answer is a clear refusal and nothing else moved.
import fs from 'node:fs';
import type { Socket } from 'socket.io-client';
import type { ErrorCode } from '../../shared/protocol.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { api, ask, startServer, studentKey, tempDir, type StartOptions, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair } from '../realtime/fixtures.ts';
import { connectFrom } from './support.ts';

const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The fair of the realtime tests on a store that writes db.json only when closed: a snapshot on
 * its own timer would change the folder's digests while the test checks that nothing did.
 */
export async function startFuzzTarget(options: StartOptions = {}): Promise<{ server: TestServer; tokens: { ada: string } }> {
  const dataDir = tempDir();
  const store = await openFileStore(dataDir, { log: () => {}, snapshot: { idleMs: LONGEST_TIMER_MS, maxAgeMs: LONGEST_TIMER_MS } });
  const server = await startServer({ ...options, now: () => FAIR_MORNING, store, dataDir });
  const { booth, pair } = await setUpFair(store);
  await booth('acme', 'ACME', '12');
  await booth('globex', 'Globex', '14');
  const tokens = { ada: await pair('acme', 'Ada') };
  const close = server.close;
  server.close = async () => {
    await close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, tokens };
}

/** A student who saved a profile, shared it with ACME and asked for an interview. */
export async function studentWithRequest(url: string): Promise<Socket> {
  const phone = await connectFrom(url, '/student', { key: studentKey() });
  await ask(phone, 'profile:save', SAM);
  await ask(phone, 'intro:share', { id: 'fuzz-setup-share', slug: 'acme' });
  const made = await ask(phone, 'request:create', { id: 'fuzz-setup-request', slug: 'acme', note: 'Hello' });
  if (!made.ok) throw new Error(made.error.message);
  return phone;
}

const REFUSALS: ErrorCode[] = ['INVALID', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'];
/** A sentence: starts with a capital (or a quoted field name), ends with a full stop. */
export const SENTENCE = /^["A-Z][\s\S]{8,}[.!?]$/;

/** Why a socket reply is not a clear refusal, or undefined if it is one. */
export function socketProblem(reply: unknown): string | undefined {
  const r = reply as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  if (r?.ok !== false || !r.error) return `not a refusal: ${JSON.stringify(reply)?.slice(0, 80)}`;
  if (!REFUSALS.includes(r.error.code as ErrorCode)) return `code ${String(r.error.code)}`;
  if (typeof r.error.message !== 'string' || !SENTENCE.test(r.error.message)) return `message ${JSON.stringify(r.error.message)}`;
  return undefined;
}

/** Why an HTTP answer is not a clear refusal (a 4xx with a sentence, as JSON or text). */
export async function httpProblem(res: Response): Promise<string | undefined> {
  const text = await res.text();
  if (res.status < 400 || res.status >= 500) return `status ${res.status}: ${text.slice(0, 80)}`;
  let message = text;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) {
    message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message as string;
  }
  return typeof message === 'string' && SENTENCE.test(message) ? undefined : `message ${JSON.stringify(message)?.slice(0, 80)}`;
}

/** What must still hold after a batch (the server answers, no prototype was touched); empty when it does. */
export async function healthProblems(server: TestServer): Promise<string[]> {
  const problems: string[] = [];
  if ((await api(server.url, '/healthz')).status !== 200) problems.push('/healthz does not answer 200');
  const phone = await connectFrom(server.url, '/student', { key: studentKey() });
  const booth = await ask(phone, 'booth:get', { slug: 'acme' });
  if (!booth.ok) problems.push(`booth:get refused: ${booth.error.message}`);
  phone.disconnect();
  if (({} as Record<string, unknown>).polluted !== undefined) problems.push('Object.prototype was polluted');
  const state = server.store.state;
  for (const name of ['booths', 'reps', 'students', 'introductions', 'requests'] as const) {
    if (Object.getPrototypeOf(state[name]) !== Map.prototype) problems.push(`state.${name} has another prototype`);
  }
  return problems;
}
