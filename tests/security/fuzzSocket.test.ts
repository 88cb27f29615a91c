// Every socket event of /student, /rep and /admin, sent malformed payloads: each gets a clear
// refusal, the server keeps answering, no prototype is polluted, and no file in the data folder
// changes. The random part is seeded: a failure prints FUZZ_SEED, and FUZZ_SEED=<n> replays it.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, ACK_TIMEOUT_MS, type TestServer } from '../helpers.ts';
import { ADMIN_EVENTS, REP_EVENTS, STUDENT_EVENTS, variants, type EventShape } from './fuzzCases.ts';
import { healthProblems, socketProblem, startFuzzTarget, studentWithRequest } from './fuzzSupport.ts';
import { FUZZ_SEED, PROTO_NAMES, seeded } from './fuzzValues.ts';
import { connectFrom, disconnectMade, sleep } from './support.ts';
import { digests } from '../store/fixtures.ts';
import { stateJson } from '../stateJson.ts';

const RANDOM_PER_EVENT = 30;
const rng = seeded(FUZZ_SEED);
const seedNote = `replay with FUZZ_SEED=${FUZZ_SEED}`;

let server: TestServer;
const sockets: Record<string, Socket> = {};

beforeAll(async () => {
  console.log(`socket fuzz: FUZZ_SEED=${FUZZ_SEED}`);
  const target = await startFuzzTarget();
  server = target.server;
  sockets['/student'] = await studentWithRequest(server.url);
  sockets['/rep'] = await connectFrom(server.url, '/rep', { token: target.tokens.ada });
  sockets['/admin'] = await connectFrom(server.url, '/admin', { token: ADMIN_TOKEN });
});
afterAll(async () => {
  disconnectMade();
  await server.close();
});

/** Sends each variant with an ack, then again without one; the problems found, one line each. */
async function fuzz(namespace: string, event: string, shape: EventShape): Promise<string[]> {
  const socket = sockets[namespace]!;
  const problems: string[] = [];
  for (const variant of variants(shape, rng, RANDOM_PER_EVENT)) {
    const reply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...variant.args).catch(() => 'no answer');
    const problem = socketProblem(reply);
    if (problem) problems.push(`${namespace} ${event} ${variant.label}: ${problem}`);
    socket.emit(event, ...variant.args); // no ack: nothing to answer, nothing may change
  }
  if (!socket.connected) problems.push(`${namespace} ${event}: the server dropped the connection`);
  return problems;
}

const tables: [string, Record<string, EventShape>][] = [['/student', STUDENT_EVENTS], ['/rep', REP_EVENTS], ['/admin', ADMIN_EVENTS]];

describe.each(tables)('%s events', (namespace, events) => {
  it.each(Object.entries(events))('%s: every malformed payload is refused and changes nothing', async (event, shape) => {
    const before = digests(server.dataDir);
    const state = stateJson(server.store.state);
    const problems = await fuzz(namespace, event, shape);
    await sleep(50); // the ack-less copies are read by now
    expect(problems, seedNote).toEqual([]);
    expect(await healthProblems(server)).toEqual([]);
    expect(digests(server.dataDir), 'a file in the data folder changed').toEqual(before);
    expect(stateJson(server.store.state), 'the fair changed').toBe(state);
  });
});

describe('events the server does not know', () => {
  it('are answered with a sentence when they carry an ack, and ignored when not', async () => {
    const before = digests(server.dataDir);
    const names = ['no:such:event', '', 'error', 'x'.repeat(1_000), 'student:load ', 'STUDENT:LOAD', ...PROTO_NAMES];
    const problems: string[] = [];
    for (const [namespace, socket] of Object.entries(sockets)) {
      for (const name of names) {
        const reply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(name, { polluted: 1 }).catch(() => 'no answer');
        const problem = socketProblem(reply);
        if (problem) problems.push(`${namespace} "${name.slice(0, 20)}": ${problem}`);
        socket.emit(name, JSON.parse('{"__proto__": {"polluted": 1}}'));
      }
    }
    expect(problems).toEqual([]);
    expect(await healthProblems(server)).toEqual([]);
    expect(digests(server.dataDir)).toEqual(before);
  });

  it('other namespaces and bad credentials are refused at the handshake', async () => {
    const attempts: [string, Record<string, unknown>][] = [
      ['/nope', {}], ['/student', {}], ['/student', { key: 'short' }], ['/student', { key: 'x'.repeat(10_000) }],
      ['/student', { key: { $ne: null } }], ['/rep', { token: 'x'.repeat(101) }], ['/rep', { token: ['t'] }],
      ['/admin', { token: `${ADMIN_TOKEN}x` }], ['/admin', JSON.parse('{"__proto__": {"token": "x"}}') as Record<string, unknown>],
    ];
    for (const [namespace, auth] of attempts) {
      const refused = await connectFrom(server.url, namespace, auth as Record<string, string>).then(() => false, () => true);
      expect(refused, `${namespace} ${JSON.stringify(auth).slice(0, 60)}`).toBe(true);
    }
    expect(await healthProblems(server)).toEqual([]);
  });
});
