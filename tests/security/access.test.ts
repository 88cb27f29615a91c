// Who may do what, cell by cell: every socket event of every namespace and every /api/admin route,
// tried with each audience's credential against its own and another's objects. Only the allowed
// cells succeed; every other one is refused, leaves the journal's bytes as they were and pushes
// nothing to anyone. Role and booth come from the server's session, never from the payload.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminRoutes } from '../../server/http/routes/admin.ts';
import { exportRoutes } from '../../server/http/routes/exports.ts';
import { purgeRoutes } from '../../server/http/routes/purge.ts';
import type { Reply } from '../../shared/protocol.ts';
import { PURGE_CONFIRMATION } from '../../shared/privacySchema.ts';
import { ACK_TIMEOUT_MS, api, connectAdmin, connectRep, connectStudent, handshakeResult } from '../helpers.ts';
import { stopServer } from '../realtime/fixtures.ts';
import { KIM_KEY, startAccessFair, type AccessFair } from './accessFair.ts';
import { SOCKET_ROWS, type Actor, type Namespace } from './accessTable.ts';
import { journalHash } from './journal.ts';
import { stateJson } from '../stateJson.ts';

const REFUSALS = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID'];
const AUDIENCES = ['student', 'repA', 'repB', 'admin', 'none'] as const;
const RESERVED = ['error', 'disconnect', 'disconnecting'];
const HOME: Record<Namespace, Actor[]> = { '/student': ['student'], '/rep': ['repA', 'repB'], '/admin': ['admin'] };

let fair: AccessFair;
beforeEach(async () => (fair = await startAccessFair()));
afterEach(() => stopServer(fair.server));

const send = (socket: Socket, event: string, payload: unknown): Promise<Reply<unknown>> =>
  socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...(payload === undefined ? [] : [payload]));

/** The fair as it stands: the journal's bytes and the state in memory. */
const snapshot = () => ({ journal: journalHash(fair.server.dataDir), state: stateJson(fair.server.store.state) });

/** Every audience's socket, plus Kim's phone and Bo's tablet, each noting what the server pushes to it. */
async function connectEveryone() {
  const { url } = fair.server;
  const { creds } = fair;
  // The organiser connects last: a tablet coming on line is news on the dashboard ("tablets on line").
  const sockets = {
    student: await connectStudent(url, creds.student), repA: await connectRep(url, creds.repA), repB: await connectRep(url, creds.repB),
    kim: await connectStudent(url, KIM_KEY), bo: await connectRep(url, fair.bo), admin: await connectAdmin(url, creds.admin),
  } as Record<Actor | 'kim' | 'bo', Socket>;
  const heard: string[] = [];
  for (const [name, socket] of Object.entries(sockets)) socket.onAny((event: string) => heard.push(`${name} heard ${event}`));
  /** One round trip per socket: a push sent before it would have arrived before its answer. */
  const settle = () => Promise.all(Object.entries(sockets).map(([name, s]) =>
    send(s, name === 'admin' ? 'stats:load' : name === 'student' || name === 'kim' ? 'student:load' : 'rep:load', undefined)));
  return { sockets, heard, settle };
}

/** How each audience presents its credential; the student's key is tried as a token too. */
function handshake(actor: (typeof AUDIENCES)[number]): Record<string, string> {
  if (actor === 'none') return {};
  return actor === 'student' ? { key: fair.creds.student, token: fair.creds.student } : { token: fair.creds[actor] };
}

/** Connects and answers "connected" or the refusal's message. */
const tryConnect = (ns: Namespace, options: { auth?: Record<string, string>; query?: Record<string, string> }): Promise<string> =>
  handshakeResult(`${fair.server.url}${ns}`, options);

describe('socket handshakes', () => {
  it('let each credential into its own namespace only, and never take one from the query string', async () => {
    const before = snapshot();
    for (const ns of ['/student', '/rep', '/admin'] as const) {
      for (const actor of AUDIENCES) {
        const expected = HOME[ns].includes(actor as Actor) ? 'connected' : 'UNAUTHORIZED';
        expect(`${ns} as ${actor}: ${await tryConnect(ns, { auth: handshake(actor) })}`).toBe(`${ns} as ${actor}: ${expected}`);
      }
      const inQuery = await tryConnect(ns, { query: { token: fair.creds.admin, key: fair.creds.student } });
      expect(`${ns} with credentials in the query: ${inQuery}`).toBe(`${ns} with credentials in the query: UNAUTHORIZED`);
    }
    expect(snapshot()).toEqual(before);
  });
});

describe('socket events', () => {
  it('covers every event each namespace answers', async () => {
    const { sockets } = await connectEveryone();
    expect(sockets.admin.connected).toBe(true);
    for (const ns of ['/student', '/rep', '/admin'] as const) {
      const server = [...fair.server.app.io.of(ns).sockets.values()][0]!;
      // socket.io's own events are not the client's to send.
      const answered = server.eventNames().filter((name): name is string => typeof name === 'string' && !RESERVED.includes(name)).sort();
      expect(answered).toEqual(SOCKET_ROWS.filter((row) => row.ns === ns).map((row) => row.event).sort());
    }
  });

  it.each(SOCKET_ROWS.map((row) => [`${row.ns} ${row.event}`, row] as const))('%s: only the allowed cell succeeds', async (_name, row) => {
    await row.before?.(fair.server.store);
    const { sockets, heard, settle } = await connectEveryone();
    const before = snapshot();
    for (const [actor, payload] of row.refused) {
      const reply = await send(sockets[actor], row.event, payload);
      expect(reply.ok, `${actor} ${row.event} ${JSON.stringify(payload)}`).toBe(false);
      if (!reply.ok) {
        expect(REFUSALS).toContain(reply.error.code);
        expect(reply.error.message).toMatch(/^[A-Z"].*[.!]$/);
      }
    }
    await settle();
    expect(heard).toEqual([]);
    expect(snapshot()).toEqual(before);

    const [actor, payload] = row.allowed;
    const reply = await send(sockets[actor], row.event, payload);
    expect(reply, `${actor} ${row.event}`).toMatchObject({ ok: true });
    for (const foreign of row.mustNotSee ?? []) expect(JSON.stringify(reply)).not.toContain(foreign);
  });
});

const FAIR = { name: 'Spring Fair', date: '2026-03-12', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '15:00' }], slotMinutes: 20 };
/** Every organiser route, on booth A's and booth B's objects where it takes one; in an order the organiser could run them. */
const HTTP_ROWS: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/admin/fair'],
  ['PUT', '/api/admin/fair', FAIR],
  ['GET', '/api/admin/booths'],
  ['POST', '/api/admin/booths', { employer: 'Initech' }],
  ['POST', '/api/admin/booths/import', 'employer\nHooli\n'],
  ['POST', '/api/admin/booths/acme/reset-code'],
  ['POST', '/api/admin/booths/globex/reset-code'],
  ['POST', '/api/admin/booths/acme/reps/rep-ada/revoke'],
  ['POST', '/api/admin/booths/globex/reps/rep-gil/revoke'],
  ['GET', '/api/admin/export/introductions.csv'],
  ['GET', '/api/admin/export/fair.json'],
  ['GET', '/api/admin/export/introductions.xlsx'],
  ['GET', '/api/admin/export/booths/acme.zip'],
  ['GET', '/api/admin/export/booths/globex.zip'],
  ['GET', '/api/admin/export/booths.zip'],
  ['POST', '/api/admin/purge', { confirm: PURGE_CONFIRMATION }],
];

function call(method: string, path: string, body: unknown, headers: Record<string, string>) {
  const payload = typeof body === 'string' ? { body, headers: { ...headers, 'content-type': 'text/csv' } } : { json: body, headers };
  return api(fair.server.url, path, { method, ...(body === undefined ? { headers } : payload) });
}

describe('organiser routes', () => {
  it('cover every /api/admin route the server has', () => {
    for (const route of [...adminRoutes, ...exportRoutes, ...purgeRoutes]) {
      expect(HTTP_ROWS.some(([method, path]) => method === route.method && route.path.test(path)), String(route.path)).toBe(true);
    }
  });

  it('answer only the admin token, in the Authorization header', async () => {
    const { heard, settle } = await connectEveryone();
    const before = snapshot();
    const { creds } = fair;
    const refusedCredentials: [string, Record<string, string>, string][] = [
      ['none', {}, ''],
      ['student key', { authorization: `Bearer ${creds.student}` }, ''],
      ['booth A tablet', { authorization: `Bearer ${creds.repA}` }, ''],
      ['booth B tablet', { authorization: `Bearer ${creds.repB}` }, ''],
      ['admin token in the query', {}, `?token=${creds.admin}`],
      ['admin token without Bearer', { authorization: creds.admin }, ''],
    ];
    for (const [method, path, body] of HTTP_ROWS) {
      for (const [who, headers, query] of refusedCredentials) {
        const res = await call(method, `${path}${query}`, body, headers);
        expect(`${who}: ${method} ${path} → ${res.status}`).toBe(`${who}: ${method} ${path} → 401`);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      }
    }
    await settle();
    expect(heard).toEqual([]);
    expect(snapshot()).toEqual(before);

    for (const [method, path, body] of HTTP_ROWS) {
      const res = await call(method, path, body, { authorization: `Bearer ${creds.admin}` });
      expect(`${method} ${path} → ${res.ok}`).toBe(`${method} ${path} → true`);
      await res.arrayBuffer();
    }
  });
});
