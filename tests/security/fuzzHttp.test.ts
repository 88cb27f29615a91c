// Every HTTP endpoint, sent malformed requests: each gets a 4xx with a sentence (never a 500),
// the server keeps answering, no prototype is polluted, and no file in the data folder changes.
// The random part is seeded: a failure prints FUZZ_SEED, and FUZZ_SEED=<n> replays it.
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type TestServer } from '../helpers.ts';
import { fakeDist } from '../http/support.ts';
import { variants } from './fuzzCases.ts';
import { AUTH_HEADERS, BAD_ROW_CSVS, JSON_ROUTES, PATH_CASES, UNREADABLE_BODIES, UNREADABLE_CSVS, type HttpCase } from './fuzzHttpCases.ts';
import { SENTENCE } from './fuzzSupport.ts';
import { healthProblems, httpProblem, startFuzzTarget, studentWithRequest } from './fuzzSupport.ts';
import { FUZZ_SEED, seeded } from './fuzzValues.ts';
import { disconnectMade } from './support.ts';
import { digests } from '../store/fixtures.ts';
import { stateJson } from '../stateJson.ts';

const RANDOM_PER_ROUTE = 40;
const rng = seeded(FUZZ_SEED);
const seedNote = `replay with FUZZ_SEED=${FUZZ_SEED}`;

let server: TestServer;
let distDir: string;

beforeAll(async () => {
  console.log(`HTTP fuzz: FUZZ_SEED=${FUZZ_SEED}`);
  distDir = fakeDist();
  server = (await startFuzzTarget({ distDir })).server;
  await studentWithRequest(server.url); // a student, an introduction and a request to protect
});
afterAll(async () => {
  disconnectMade();
  await server.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

let before: Record<string, string>;
let state: string;
beforeEach(() => {
  before = digests(server.dataDir);
  state = stateJson(server.store.state);
});
afterEach(async () => {
  expect(await healthProblems(server)).toEqual([]);
  expect(digests(server.dataDir), 'a file in the data folder changed').toEqual(before);
  expect(stateJson(server.store.state), 'the fair changed').toBe(state);
});

const send = (c: HttpCase, token?: string) =>
  fetch(`${server.url}${c.path}`, {
    method: c.method,
    headers: { ...c.headers, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: c.body,
  });

async function problems(cases: HttpCase[], token?: string): Promise<string[]> {
  const found: string[] = [];
  for (const c of cases) {
    const problem = await send(c, token).then(httpProblem, (error: Error) => `no answer: ${error.message}`);
    if (problem) found.push(`${c.method} ${c.path.slice(0, 60)} ${c.label}: ${problem}`);
  }
  return found;
}

describe.each(JSON_ROUTES)('$method $path', ({ method, path, admin, shape }) => {
  const token = admin ? ADMIN_TOKEN : undefined;

  it('refuses every malformed JSON payload with a 400 and a sentence', async () => {
    const cases = variants(shape, rng, RANDOM_PER_ROUTE).map((v): HttpCase => ({
      label: v.label,
      method,
      path,
      headers: { 'content-type': 'application/json' },
      // Two payloads in one body is not JSON; no payload is an empty body.
      body: v.args.map((a) => JSON.stringify(a) ?? 'null').join(''),
    }));
    expect(await problems(cases, token), seedNote).toEqual([]);
  });

  it('refuses bodies that are not JSON, not UTF-8, too big or of another type', async () => {
    expect(await problems(UNREADABLE_BODIES.map((b) => ({ ...b, method, path })), token)).toEqual([]);
  });
});

describe('POST /api/admin/booths/import', () => {
  it('refuses a list it cannot read with a 4xx and a sentence', async () => {
    expect(await problems(UNREADABLE_CSVS, ADMIN_TOKEN)).toEqual([]);
  });

  it('answers a list of wrong rows with a sentence per row, and makes no booth', async () => {
    for (const c of BAD_ROW_CSVS) {
      const res = await send(c, ADMIN_TOKEN);
      const body = (await res.json()) as { created: unknown[]; errors: { line: number; message: string }[] };
      expect({ status: res.status, created: body.created }, c.label).toEqual({ status: 200, created: [] });
      expect(body.errors.length, c.label).toBeGreaterThan(0);
      for (const { message } of body.errors) expect(message, c.label).toMatch(SENTENCE);
    }
  });
});

describe('addresses, methods and credentials', () => {
  it('odd ids in addresses, wrong methods and unknown API addresses get a 4xx with a sentence', async () => {
    expect(await problems(PATH_CASES, ADMIN_TOKEN)).toEqual([]);
  });

  it('the organiser API refuses every malformed credential with 401', async () => {
    const found: string[] = [];
    for (const header of AUTH_HEADERS) {
      for (const path of ['/api/admin/booths', '/api/admin/export/fair.json', '/api/admin/purge']) {
        const res = await fetch(`${server.url}${path}`, { headers: header === undefined ? {} : { authorization: header } });
        if (res.status !== 401) found.push(`${path} with ${JSON.stringify(header?.slice(0, 30))}: ${res.status}`);
        const problem = await httpProblem(res.clone());
        if (problem) found.push(`${path}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('odd page addresses never reach outside the client build, nor fail', async () => {
    const found: string[] = [];
    for (const path of ['/%E0%A4%A', '/b/%ff', '/%00', '/..%2f..%2fpackage.json', '/assets/..%2f..%2fpackage.json', `/b/${'x'.repeat(5_000)}`, '/\\..\\package.json']) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      if (res.status >= 500 || text.includes('"devDependencies"')) found.push(`${path}: ${res.status} ${text.slice(0, 60)}`);
    }
    expect(found).toEqual([]);
  });
});
