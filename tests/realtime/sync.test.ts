// A tablet catching up: pushes numbered per booth, `rep:sync` for what it missed, recovery after
// a short drop that still runs the pairing check, and expiry told to both screens.
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import type { RepSync, RequestCard, StudentView } from '../../shared/protocol.ts';
import { actionId, api, ask, connectRep, connectStudent, nextEvent, PATIENCE_MS, startServer, studentKey, waitFor, withVersion, type RepClient, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair, SLOT_1320, stopServer } from './fixtures.ts';

let server: TestServer;
afterEach(() => stopServer(server));

async function fair(now: () => Date = () => FAIR_MORNING, expiryCheckMs?: number) {
  server = await startServer({ now, expiryCheckMs });
  const { booth, pair } = await setUpFair(server.store);
  await booth('acme', 'ACME', '12');
  const ada = await pair('acme', 'Ada');
  const phone = await connectStudent(server.url, studentKey());
  await ask(phone, 'profile:save', SAM);
  return { ada, phone };
}

const sync = (tablet: RepClient, since: number, epoch: string) => ask(tablet, 'rep:sync', { since, epoch }) as Promise<{ ok: true; data: RepSync }>;

describe('the booth\'s sequence numbers', () => {
  it('number every push to the booth one after another, and rep:sync sends only what changed since', async () => {
    const { ada, phone } = await fair();
    const tablet = await connectRep(server.url, ada);
    const start = await sync(tablet, 0, '');
    expect(start.data).toMatchObject({ full: true, seq: 1 }); // 1: Ada paired
    const numbers: number[] = [];
    tablet.onAny((_event, _payload, seq: number) => numbers.push(seq));

    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    const made = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: 'Hi' });
    const requestId = made.ok ? made.data.visits[0]!.requests[0]!.id : '';
    await ask(tablet, 'booth:status', { id: actionId(), status: 'break' });
    await ask(tablet, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 });
    await waitFor(() => numbers.length === 4, PATIENCE_MS, 'four pushes');
    expect(numbers).toEqual([2, 3, 4, 5]);

    const since3 = await sync(tablet, 3, start.data.epoch);
    expect(since3.data).toMatchObject({ full: false, seq: 5, visitors: [], booth: { status: 'break' } });
    expect(since3.data.requests.map((r) => [r.id, r.status])).toEqual([[requestId, 'accepted']]);
    expect((await sync(tablet, 5, start.data.epoch)).data).toMatchObject({ full: false, requests: [], visitors: [] });
    // Another epoch (the server restarted since) or a number it never gave: everything.
    expect((await sync(tablet, 3, 'another-epoch')).data).toMatchObject({ full: true, seq: 5, visitors: [{ student: { name: 'Sam Lee' } }] });
    expect((await sync(tablet, 99, start.data.epoch)).data.full).toBe(true);
    expect((await ask(tablet, 'rep:load')).ok && (await ask(tablet, 'rep:load'))).toMatchObject({ data: { seq: 5, epoch: start.data.epoch } });
  });
});

describe('reconnecting tablets', () => {
  it('recover the missed pushes after a short drop; a tablet revoked meanwhile gets neither a connection nor the pushes', async () => {
    const { ada, phone } = await fair();
    const options = { transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100, auth: withVersion({ token: ada }) };
    const tablet = io(`${server.url}/rep`, options) as RepClient;
    try {
      await new Promise<void>((resolve) => tablet.once('connect', () => resolve()));
      const heard: number[] = [];
      tablet.on('visitor:changed', (_card, seq) => heard.push(seq));
      tablet.on('request:changed', (_card, seq) => heard.push(seq));
      // socket.io recovers only a socket that has had a push (it resumes from that push's offset).
      await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
      await waitFor(() => heard.length === 1, PATIENCE_MS, 'the first push');
      tablet.io.engine.close();
      const asked = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: 'While away' }); // pushed while the tablet is away
      const requestId = asked.ok ? asked.data.visits[0]!.requests[0]!.id : '';
      await new Promise<void>((resolve) => tablet.once('connect', () => resolve()));
      expect(tablet.recovered).toBe(true);
      await waitFor(() => heard.length === 2, PATIENCE_MS, 'the missed push');
      expect(heard).toEqual([2, 3]);

      // Away again, the organiser revokes the tablet, and the booth changes meanwhile.
      const wire: unknown[] = [];
      tablet.io.on('packet', (packet) => packet.type === 2 && wire.push(packet.data));
      const refused = new Promise<Error>((resolve) => tablet.once('connect_error', resolve));
      tablet.io.reconnection(false);
      tablet.io.engine.close();
      expect((await api(server.url, '/api/admin/booths/acme/reps/rep-ada/revoke', { token: server.adminToken, method: 'POST' })).status).toBe(200);
      await ask(phone, 'request:cancel', { id: actionId(), requestId });
      tablet.io.reconnection(true);
      tablet.connect();
      expect((await refused).message).toBe('UNAUTHORIZED');
      expect(tablet.connected).toBe(false);
      expect(wire).toEqual([]);
    } finally {
      tablet.disconnect();
    }
  });
});

describe('expiry', () => {
  it('expires a request still waiting when the last window ends, and tells the phone and the tablet', async () => {
    let now = FAIR_MORNING;
    const { ada, phone } = await fair(() => now, 20);
    const tablet = await connectRep(server.url, ada);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    await new Promise((r) => setTimeout(r, 100)); // several checks: nothing expires before the end
    expect([...server.store.state.requests.values()][0]!.status).toBe('pending');

    const onPhone = nextEvent<StudentView>(phone, 'student:changed');
    const onTablet = nextEvent<RequestCard>(tablet, 'request:changed');
    now = new Date('2026-03-12T14:00:00Z'); // 15:00 in Berlin: the 13:00–15:00 window is over
    expect((await onPhone).visits[0]!.requests[0]!.status).toBe('expired');
    expect((await onTablet).status).toBe('expired');
    const again = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "ACME's interview windows are over for today." } });
  });
});

