// The browser's outbox (client/lib/outbox.ts) against a real server: one queued action per double
// tap, kept across a "reload", resent with the same id after an unanswered try.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { RESEND_FOR_MS, type Reply, type StudentView } from '../../../shared/protocol.ts';
import type { StudentSocket } from '../../../client/lib/socket.ts';
import { GAVE_UP, makeOutbox } from '../../../client/lib/outbox.ts';
import { studentIdFor } from '../../../server/ids.ts';
import { ask, connectStudent, disconnectAll, startServer, studentKey, waitFor, withVersion, type TestServer } from '../../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair } from '../../realtime/fixtures.ts';
import { FLAKY_SOCKET, memoryStorage } from '../../realtime/flaky/clients.ts';

let server: TestServer;
let key: string;
const sockets: StudentSocket[] = [];
const phoneSocket = (autoConnect = true) => {
  const socket: StudentSocket = io(`${server.url}/student`, { ...FLAKY_SOCKET, auth: withVersion({ key }), autoConnect });
  sockets.push(socket);
  return socket;
};

beforeEach(async () => {
  server = await startServer({ now: () => FAIR_MORNING });
  const { booth } = await setUpFair(server.store);
  await booth('acme', 'ACME', '12');
  key = studentKey();
  const phone = await connectStudent(server.url, key);
  await ask(phone, 'profile:save', SAM);
  await ask(phone, 'intro:share', { id: 'share-first-0001', slug: 'acme' });
});
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.disconnect());
  disconnectAll();
  await server.close();
});

const requests = () => [...server.store.state.requests.values()];

describe('the outbox', () => {
  it('queues a double tap once, keeps it across a reload, and sends it once with its id', async () => {
    const storage = memoryStorage();
    const offline = phoneSocket(false);
    const before = makeOutbox(offline, { key: 'outbox', storage });
    void before.act('request:create', { slug: 'acme', note: 'Hello' });
    void before.act('request:create', { slug: 'acme', note: 'Hello' });
    expect(before.items()).toHaveLength(1);
    const { id } = before.items()[0]!;
    offline.close(); // the tab dies before the Wi-Fi is back

    const answers: Reply<StudentView>[] = [];
    const after = makeOutbox(phoneSocket(), { key: 'outbox', storage, onAnswer: (_item, reply, orphan) => orphan && answers.push(reply) });
    expect(after.items().map((i) => i.id)).toEqual([id]);
    await waitFor(() => answers.length === 1, 3000, 'the answer to the restored action');
    expect(answers[0]).toMatchObject({ ok: true });
    expect(after.items()).toEqual([]);
    expect(requests().map((r) => r.note)).toEqual(['Hello']);
    expect(server.store.applied(`student:${studentIdFor(key)}:${id}`)).toBeDefined();
  });

  it('sends again, with the same id, an action the server never answered', async () => {
    let swallowed = 0;
    server.app.io.of('/student').on('connection', (socket) => socket.use(([event], next) => {
      if (event === 'request:create' && swallowed++ === 0) return; // lost: no answer ever comes
      next();
    }));
    const outbox = makeOutbox(phoneSocket(), { key: 'outbox', storage: memoryStorage(), ackTimeoutMs: 200 });
    const started = Date.now();
    const reply = await outbox.act('request:create', { slug: 'acme', note: 'Second try' });
    expect(reply).toMatchObject({ ok: true });
    expect(swallowed).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200); // the ack timeout, then a 1 s backoff
    expect(requests()).toHaveLength(1);
  });

  it('sends in order: the second action waits for the answer to the first', async () => {
    const outbox = makeOutbox(phoneSocket(), { key: 'outbox', storage: memoryStorage() });
    const made = outbox.act('request:create', { slug: 'acme', note: 'First' });
    const again = outbox.act('request:create', { slug: 'acme', note: 'Second' });
    expect(outbox.items()).toHaveLength(2);
    const [first, second] = await Promise.all([made, again]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, error: { message: 'You already have a pending request with ACME. Cancel it first to ask again.' } });
  });

  it('gives up an action unanswered for RESEND_FOR_MS with a sentence, and sends it no more', async () => {
    let now = Date.now();
    const storage = memoryStorage();
    const offline = phoneSocket(false);
    const before = makeOutbox(offline, { key: 'outbox', storage, now: () => now });
    void before.act('request:create', { slug: 'acme', note: 'Made in the morning' });
    offline.close(); // the phone stays off the Wi-Fi all day

    now += RESEND_FOR_MS - 60_000;
    const answers: Reply<StudentView>[] = [];
    const later = makeOutbox(phoneSocket(false), { key: 'outbox', storage, now: () => now, onAnswer: (_item, reply) => answers.push(reply) });
    expect(later.items()).toHaveLength(1); // still in time: kept
    now += 60_000;
    const socket = phoneSocket();
    const after = makeOutbox(socket, { key: 'outbox', storage, now: () => now, onAnswer: (_item, reply, orphan) => orphan && answers.push(reply) });
    await waitFor(() => answers.length === 1, 3000, 'the outbox to give the action up');
    expect(answers[0]).toEqual(GAVE_UP);
    expect(GAVE_UP.ok === false && GAVE_UP.error.message).toMatch(/waited more than 6 hours .* do it again if not/);
    expect(after.items()).toEqual([]);
    expect(JSON.parse(storage.getItem('outbox')!)).toEqual([]);
    const reply = await after.act('request:create', { slug: 'acme', note: 'Made again' }); // the next one goes through
    expect(reply).toMatchObject({ ok: true });
    expect(requests().map((r) => r.note)).toEqual(['Made again']);
  });
});
