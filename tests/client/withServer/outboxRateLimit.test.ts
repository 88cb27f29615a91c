// A phone whose actions come faster than its socket's rate (a tablet flushing a long outbox, a venue
// NAT at peak): RATE_LIMITED means "not applied", so the outbox keeps the action and sends it again
// after a pause, and every action ends up applied once.
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/protocol.ts';
import type { StudentSocket } from '../../../client/lib/socket.ts';
import { makeOutbox } from '../../../client/lib/outbox.ts';
import { ask, connectStudent, disconnectAll, startServer, studentKey, withVersion, type TestServer } from '../../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair } from '../../realtime/fixtures.ts';
import { FLAKY_SOCKET, memoryStorage } from '../../realtime/flaky/clients.ts';

const BOOTHS = ['acme', 'globex', 'initech', 'hooli'];
let server: TestServer;
let socket: StudentSocket;

beforeEach(async () => {
  // One action at once and one more a second, per socket; no one is exempt, not even 127.0.0.1.
  const rateLimits = { socket: { burst: 1, perSecond: 2 }, address: { burst: 1000, perSecond: 1000 }, isExempt: () => false };
  server = await startServer({ now: () => FAIR_MORNING, rateLimits });
  const { booth } = await setUpFair(server.store);
  for (const [i, slug] of BOOTHS.entries()) await booth(slug, slug.toUpperCase(), String(i + 1));
  const key = studentKey();
  expect(await ask(await connectStudent(server.url, key), 'profile:save', SAM)).toMatchObject({ ok: true });
  socket = io(`${server.url}/student`, { ...FLAKY_SOCKET, auth: withVersion({ key }) });
});
afterEach(async () => {
  socket.disconnect();
  disconnectAll();
  await server.close();
});

describe('the outbox and the rate limit', () => {
  it('keeps a rate-limited action queued and sends it again, until each is applied once', async () => {
    let sent = 0;
    socket.onAnyOutgoing(() => (sent += 1));
    const outbox = makeOutbox(socket, { key: 'outbox', storage: memoryStorage() });
    const replies: Reply<unknown>[] = await Promise.all(BOOTHS.map((slug) => outbox.act('intro:share', { slug })));

    expect(replies.every((reply) => reply.ok), JSON.stringify(replies)).toBe(true);
    expect(sent).toBeGreaterThan(BOOTHS.length); // some were refused for speed, and sent again
    expect(outbox.items()).toEqual([]);
    expect([...server.store.state.introductions.values()].map((i) => i.boothId).sort()).toEqual([...BOOTHS].sort());
  }, 20_000);
});
