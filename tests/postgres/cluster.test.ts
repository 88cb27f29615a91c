// Two real server processes on one fair, past one machine: PostgreSQL for the records, Redis for
// the live pushes. A phone on one process and the booth's tablets on the other see each other's
// actions live; a decision made on either is the one decision.
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestCard, StudentView, VisitorCard } from '../../shared/protocol.ts';
import { CRASH_ADMIN_TOKEN, killAllServers, startServerProcess, type ServerProcess } from '../crash/serverProcess.ts';
import { io } from 'socket.io-client';
import {
  actionId, api, ask, connectRep, connectStudent, disconnectAll, eventWhere, handshakeResult, nextEvent, PATIENCE_MS, studentKey, tempDir, waitFor,
  withVersion, type RepClient,
} from '../helpers.ts';
import { SAM } from '../realtime/fixtures.ts';
import { freshFair, hasCluster, redisUrl, urlOf } from './database.ts';

afterEach(async () => {
  disconnectAll();
  await killAllServers();
});

/** Two server processes of one new fair, each with a data folder of its own (they keep nothing there but a code cache). */
async function twoProcesses(): Promise<[ServerProcess, ServerProcess]> {
  const env = { DATABASE_URL: urlOf(await freshFair()), REDIS_URL: redisUrl };
  // One at a time: the first makes the tables.
  const a = await startServerProcess('server/main.ts', tempDir(), env);
  const b = await startServerProcess('server/main.ts', tempDir(), env);
  return [a, b];
}

/** Tomorrow's fair (UTC), so its interview windows are still ahead whenever the test runs. */
async function fairTomorrow(on: ServerProcess): Promise<void> {
  const date = new Date(Date.now() + 24 * 3_600_000).toISOString().slice(0, 10);
  const fair = { name: 'Cluster Fair', date, timeZone: 'UTC', windows: [{ start: '09:00', end: '17:00' }], slotMinutes: 20 };
  expect((await api(on.url, '/api/admin/fair', { method: 'PUT', token: CRASH_ADMIN_TOKEN, json: fair })).status).toBe(200);
}

async function boothWithTablet(made: ServerProcess, pairedOn: ServerProcess, name: string) {
  await fairTomorrow(made);
  const created = await api(made.url, '/api/admin/booths', { token: CRASH_ADMIN_TOKEN, json: { employer: 'ACME', booth: '12' } });
  expect(created.status).toBe(201);
  const booth = (await created.json()) as { slug: string; pairingCode: string };
  // The other process has it once PostgreSQL has told it: its poster answers then.
  let known = false;
  await waitFor(() => {
    void api(pairedOn.url, `/api/booths/${booth.slug}/qr.svg`).then((r) => (known ||= r.status === 200));
    return known;
  });
  const paired = await api(pairedOn.url, '/api/rep/pair', { json: { code: booth.pairingCode, name, title: 'Recruiter', email: `${name.toLowerCase()}@acme.example`, pin: '4321' } });
  expect(paired.status).toBe(200);
  const answer = (await paired.json()) as { token: string; rep: { id: string; boothId: string } };
  return { slug: booth.slug, token: answer.token, repId: answer.rep.id, boothId: answer.rep.boothId };
}

describe.runIf(hasCluster)('two server processes on PostgreSQL and Redis', () => {
  it('a phone on one process, the tablets on the other: the share, the request and the answer arrive live', async () => {
    const [a, b] = await twoProcesses();
    const { slug, token } = await boothWithTablet(a, b, 'Ada');
    const tabletOnB = await connectRep(b.url, token);
    const tabletOnA = await connectRep(a.url, token);
    const phoneOnA = await connectStudent(a.url, studentKey());
    expect(await ask(phoneOnA, 'profile:save', SAM)).toMatchObject({ ok: true });

    const visitorOnB = nextEvent<VisitorCard>(tabletOnB, 'visitor:changed');
    const visitorOnA = nextEvent<VisitorCard>(tabletOnA, 'visitor:changed');
    expect(await ask(phoneOnA, 'intro:share', { id: actionId(), slug })).toMatchObject({ ok: true });
    expect((await visitorOnB).student).toEqual(SAM);
    expect((await visitorOnA).student).toEqual(SAM);

    const requestOnB = nextEvent<RequestCard>(tabletOnB, 'request:changed');
    expect(await ask(phoneOnA, 'request:create', { id: actionId(), slug, note: 'Internships?' })).toMatchObject({ ok: true });
    const pending = await requestOnB;
    expect(pending).toMatchObject({ status: 'pending', note: 'Internships?' });

    const phoneHears = eventWhere<StudentView>(phoneOnA, 'student:changed', (view) => view.visits[0]?.requests[0]?.status === 'accepted');
    const slots = await ask(tabletOnB, 'request:slots', { requestId: pending.id });
    expect(slots.ok && slots.data.length).toBeGreaterThan(0);
    const start = slots.ok ? slots.data[0]!.start : '';
    expect(await ask(tabletOnB, 'request:accept', { id: actionId(), requestId: pending.id, start })).toMatchObject({ ok: true, data: { status: 'accepted' } });
    expect((await phoneHears).visits[0]!.requests[0]).toMatchObject({ status: 'accepted', slot: { start } });
  });

  it('two tablets on two processes accepting the same request at once: one is accepted, the other told so', async () => {
    const [a, b] = await twoProcesses();
    const { slug, token } = await boothWithTablet(a, b, 'Ada');
    const ada = await connectRep(b.url, token);
    const bo = await connectRep(a.url, token);
    const phone = await connectStudent(a.url, studentKey());
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug });
    // Both tablets have heard of the request before either answers.
    const heard = [nextEvent<RequestCard>(ada, 'request:changed'), nextEvent<RequestCard>(bo, 'request:changed')];
    const asked = await ask(phone, 'request:create', { id: actionId(), slug, note: '' });
    const requestId = asked.ok ? asked.data.visits[0]!.requests[0]!.id : '';
    expect((await Promise.all(heard)).map((card) => card.id)).toEqual([requestId, requestId]);
    const slots = await ask(ada, 'request:slots', { requestId });
    const [first, second] = slots.ok ? [slots.data[0]!.start, slots.data[1]!.start] : ['', ''];
    const answers = await Promise.all([
      ask(ada, 'request:accept', { id: actionId(), requestId, start: first }),
      ask(bo, 'request:accept', { id: actionId(), requestId, start: second }),
    ]);
    expect(answers.filter((r) => r.ok)).toHaveLength(1);
    const refused = answers.find((r) => !r.ok);
    expect(refused?.ok === false && refused.error.message).toMatch(/already|accepted/i);
    const onA = await ask(bo, 'rep:load');
    const onB = await ask(ada, 'rep:load');
    expect(onA.ok && onA.data.requests.map((r) => r.status)).toEqual(['accepted']);
    expect(onB.ok && onB.data.requests).toEqual(onA.ok && onA.data.requests);
  });

  it('a tablet that drops from one process and comes back on the other gets the pushes it missed, in the same epoch', async () => {
    const [a, b] = await twoProcesses();
    const { slug, token } = await boothWithTablet(a, b, 'Ada');
    const options = { transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100, auth: withVersion({ token }) };
    const tablet = io(`${a.url}/rep`, options) as RepClient;
    try {
      await new Promise<void>((resolve) => tablet.once('connect', () => resolve()));
      const heard: [number, string][] = [];
      tablet.on('visitor:changed', (_card, seq, epoch) => heard.push([seq, epoch]));
      tablet.on('request:changed', (_card, seq, epoch) => heard.push([seq, epoch]));
      // Every push is decided on a; after the move, b answers the tablet's load: one epoch throughout.
      const phone = await connectStudent(a.url, studentKey());
      await ask(phone, 'profile:save', SAM);
      await ask(phone, 'intro:share', { id: actionId(), slug });
      await waitFor(() => heard.length === 1, PATIENCE_MS, 'the first push');
      (tablet.io as unknown as { uri: string }).uri = b.url; // the reverse proxy sends its next connection to the other process
      tablet.io.engine.close();
      await ask(phone, 'request:create', { id: actionId(), slug, note: 'While away' });
      await new Promise<void>((resolve) => tablet.once('connect', () => resolve()));
      expect(tablet.recovered).toBe(true);
      await waitFor(() => heard.length === 2, PATIENCE_MS, 'the missed push');
      const [first, missed] = heard;
      expect(missed![0]).toBe(first![0] + 1);
      expect(missed![1]).toBe(first![1]);
      const loaded = await ask(tablet, 'rep:load');
      expect(loaded.ok && [loaded.data.seq, loaded.data.epoch]).toEqual(missed);
    } finally {
      tablet.disconnect();
    }
  });

  it('a tablet gone from one process for good asks the other with rep:sync: only what it missed, in the same epoch and numbering', async () => {
    const [a, b] = await twoProcesses();
    const { slug, token } = await boothWithTablet(a, b, 'Ada');
    const onA = await connectRep(a.url, token);
    const start = await ask(onA, 'rep:sync', { since: 0, epoch: '' });
    if (!start.ok) throw new Error('the first sync was refused');
    expect(start.data.full).toBe(true);
    const phone = await connectStudent(a.url, studentKey());
    await ask(phone, 'profile:save', SAM);
    const shared = new Promise<number>((resolve) => onA.once('visitor:changed', (_card, seq) => resolve(seq)));
    await ask(phone, 'intro:share', { id: actionId(), slug });
    const seenSeq = await shared;
    onA.disconnect(); // no session to recover: the tablet starts over on the other process
    const made = await ask(phone, 'request:create', { id: actionId(), slug, note: 'While away' });
    const requestId = made.ok ? made.data.visits[0]!.requests[0]!.id : '';

    const onB = await connectRep(b.url, token);
    const missed = await ask(onB, 'rep:sync', { since: seenSeq, epoch: start.data.epoch });
    if (!missed.ok) throw new Error('the catch-up was refused');
    expect(missed.data).toMatchObject({ full: false, seq: seenSeq + 1, epoch: start.data.epoch, visitors: [] });
    expect(missed.data.requests.map((r) => [r.id, r.status, r.note])).toEqual([[requestId, 'pending', 'While away']]);
    const after = await ask(onB, 'rep:sync', { since: seenSeq + 1, epoch: start.data.epoch });
    expect(after.ok && after.data).toMatchObject({ full: false, requests: [], visitors: [] });
  });

  it('revoking a tablet on one process drops its sockets on every process', async () => {
    const [a, b] = await twoProcesses();
    const { token, repId, boothId } = await boothWithTablet(a, b, 'Ada');
    const onA = await connectRep(a.url, token);
    const onB = await connectRep(b.url, token);
    const dropped = [onA, onB].map((socket) => new Promise<void>((resolve) => socket.once('disconnect', () => resolve())));
    expect((await api(a.url, `/api/admin/booths/${boothId}/reps/${repId}/revoke`, { token: CRASH_ADMIN_TOKEN, method: 'POST' })).status).toBe(200);
    await Promise.all(dropped);
    const refused = await handshakeResult(`${b.url}/rep`, { auth: { token } });
    expect(refused).toBe('UNAUTHORIZED');
  });

  it('both processes print the same organiser link, its token kept in the database, and say where the fair is', async () => {
    const env = { DATABASE_URL: urlOf(await freshFair()), REDIS_URL: redisUrl, ADMIN_TOKEN: '' };
    const a = await startServerProcess('server/main.ts', tempDir(), env);
    const b = await startServerProcess('server/main.ts', tempDir(), env);
    const tokenOf = (p: ServerProcess) => /\/admin#token=([\w-]+)/.exec(p.output())?.[1];
    expect(tokenOf(a)).toMatch(/^[\w-]{43}$/);
    expect(tokenOf(b)).toBe(tokenOf(a));
    expect(b.output()).toContain(`Past one machine: the fair is in PostgreSQL ${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname}, Redis ${new URL(redisUrl).host}`);
    expect(b.output()).not.toContain('Data folder:');
    expect((await api(b.url, '/api/admin/booths', { token: tokenOf(a)! })).status).toBe(200);
  });
});
