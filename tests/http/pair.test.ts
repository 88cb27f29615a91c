// POST /api/rep/pair: pairing code → rep token; wrong codes are counted per address and across the fair.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoothAdmin, PairResult } from '../../shared/protocol.ts';
import { PAIR_MAX_FAILURES, PAIR_MAX_FAILURES_PER_FAIR } from '../../server/http/routes/pair.ts';
import { sha256 } from '../../server/ids.ts';
import { api, waitFor } from '../helpers.ts';
import { createBooth, pair, startHttpServer, type HttpTestServer } from './support.ts';
import { stateJson } from '../stateJson.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };
const WRONG_CODE = 'That pairing code is not right. Check it with the organiser and type it again.';
const TOO_MANY = 'Too many wrong pairing codes from this tablet. Ask the organiser for help.';
const TOO_MANY_FOR_BOOTH = 'Too many attempts for this booth. Ask the organiser for the code.';

const tryCode = (code: string) =>
  api(server.url, '/api/rep/pair', { json: { code, name: 'Ada Lovelace', title: 'Recruiter', email: 'ada@acme.example', pin: '2468' } });

/** The same request from another loopback address (Linux answers all of 127.0.0.0/8), as another laptop would. */
function tryCodeFrom(address: string, code: string): Promise<{ status: number; error?: { code: string; message: string } }> {
  const body = JSON.stringify({ code, name: 'Mallory', title: '', email: 'm@evil.example', pin: '0000' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}/api/rep/pair`,
      { method: 'POST', localAddress: address, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as { error?: { code: string; message: string } }) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A pairing request whose headers go now and whose body goes when `send` is called, on a connection
 * of its own: many of them make the guesses of one device sent at the same moment.
 */
function startPairing(code: string): { send(): Promise<number> } {
  const body = JSON.stringify({ code, name: 'Mallory', title: '', email: 'm@evil.example', pin: '0000' });
  const req = http.request(`${server.url}/api/rep/pair`, {
    method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const status = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  return {
    send() {
      // A request already answered (refused before its body) may find its connection closed: its answer stands.
      if (!req.destroyed) req.end(body);
      return status;
    },
  };
}

describe('pairing a tablet', () => {
  it('refuses a wrong code with 401, then pairs with the right one, storing only the token hash', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME', booth: '1' });
    const wrong = await tryCode('AAAA-AAAA');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as ErrorJson).error).toEqual({ code: 'UNAUTHORIZED', message: WRONG_CODE });

    // Typed in lower case without the dash still pairs.
    const res = await tryCode(booth.pairingCode.replace('-', '').toLowerCase());
    expect(res.status).toBe(200);
    const result = (await res.json()) as PairResult;
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result.rep).toEqual({ id: result.rep.id, name: 'Ada Lovelace', title: 'Recruiter', email: 'ada@acme.example', boothId: booth.id });
    expect(result.booth).toMatchObject({ id: booth.id, slug: booth.slug, reps: [{ id: result.rep.id, name: 'Ada Lovelace', title: 'Recruiter' }] });
    expect(result.booth).not.toHaveProperty('pairingCode');
    const stored = server.store.state.reps.get(result.rep.id)!;
    expect(stored.tokenHash).toBe(sha256(result.token));
    expect(stateJson(server.store.state)).not.toContain(result.token);
  });

  it('refuses invalid details with field messages and creates no rep', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const res = await api(server.url, '/api/rep/pair', { json: { code: booth.pairingCode, name: '', email: 'nope' } });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    expect(error.code).toBe('INVALID');
    expect(error.fields).toMatchObject({ name: 'Enter your name.', email: expect.stringMatching(/valid email/) });
    expect([...server.store.state.reps.keys()]).toHaveLength(0);
    // A request refused before any code was tried costs the tablet nothing.
    for (let i = 0; i < PAIR_MAX_FAILURES; i++) expect((await api(server.url, '/api/rep/pair', { json: { code: booth.pairingCode } })).status).toBe(400);
    expect((await tryCode(booth.pairingCode)).status).toBe(200);
  });

  it('no longer pairs with the old code after a reset', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const reset = await api(server.url, `/api/admin/booths/${booth.id}/reset-code`, { method: 'POST', token: server.adminToken });
    const fresh = (await reset.json()) as BoothAdmin;
    expect((await tryCode(booth.pairingCode)).status).toBe(401);
    expect((await pair(server, fresh.pairingCode)).booth.id).toBe(booth.id);
  });

  it('answers 429 after 10 wrong codes from one address, even for the right code, for 10 minutes', async () => {
    let now = new Date('2026-01-01T09:00:00Z');
    server = await startHttpServer({ now: () => now });
    const booth = await createBooth(server, { employer: 'ACME' });
    for (let i = 0; i < 10; i++) expect((await tryCode('WRNG-CODE')).status).toBe(401);
    for (const code of ['WRNG-CODE', booth.pairingCode]) {
      const res = await tryCode(code);
      expect(res.status).toBe(429);
      expect(((await res.json()) as ErrorJson).error).toEqual({ code: 'RATE_LIMITED', message: TOO_MANY });
    }
    expect([...server.store.state.reps.keys()]).toHaveLength(0);

    now = new Date(now.getTime() + 9 * 60_000);
    expect((await tryCode(booth.pairingCode)).status).toBe(429);
    now = new Date(now.getTime() + 60_000);
    expect((await tryCode(booth.pairingCode)).status).toBe(200);
  });

  it('does not count a right code against the tablet', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    for (let i = 0; i < PAIR_MAX_FAILURES - 1; i++) expect((await tryCode('WRNG-CODE')).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await tryCode(booth.pairingCode)).status).toBe(200);
    expect((await tryCode('WRNG-CODE')).status).toBe(401);
    expect((await tryCode(booth.pairingCode)).status).toBe(429);
  });

  it('counts a guess when it starts: 210 wrong codes sent at once from one device get 10 answers, and the fair stays open', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    let started = 0;
    server.app.http.on('request', () => (started += 1));
    const guesses = Array.from({ length: PAIR_MAX_FAILURES_PER_FAIR + PAIR_MAX_FAILURES }, () => startPairing('WRNG-CODE'));
    // Every request has reached the handler before any body is sent.
    await waitFor(() => started === guesses.length, 10_000, 'every guess to reach the server');
    const statuses = await Promise.all(guesses.map((guess) => guess.send()));
    expect(statuses.filter((s) => s === 401)).toHaveLength(PAIR_MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(PAIR_MAX_FAILURES_PER_FAIR);
    expect([...server.store.state.reps.keys()]).toHaveLength(0);
    // One device cannot spend the fair's budget: another tablet still pairs with its booth's code.
    expect((await tryCodeFrom('127.0.0.2', booth.pairingCode)).status).toBe(200);
  });

  it('stops pairing with every existing code after many wrong codes from many addresses, until the organiser resets one', async () => {
    let now = new Date('2026-01-01T09:00:00Z');
    server = await startHttpServer({ now: () => now });
    const acme = await createBooth(server, { employer: 'ACME' });
    const globex = await createBooth(server, { employer: 'Globex' });
    // Each address stays under its own limit; together they pass the fair's.
    const addresses = Array.from({ length: PAIR_MAX_FAILURES_PER_FAIR / PAIR_MAX_FAILURES }, (_, i) => `127.0.0.${i + 2}`);
    for (const address of addresses) {
      for (let i = 0; i < PAIR_MAX_FAILURES; i++) expect((await tryCodeFrom(address, `WRNG-${String(i).padStart(4, '2')}`)).status).toBe(401);
    }
    // The booth's real code, from a fresh address, and another wrong code get the same answer.
    for (const code of [acme.pairingCode, 'ZZZZ-ZZZZ']) {
      const res = await tryCodeFrom('127.0.0.200', code);
      expect(res).toEqual({ status: 429, error: { code: 'RATE_LIMITED', message: TOO_MANY_FOR_BOOTH } });
    }
    expect([...server.store.state.reps.keys()]).toHaveLength(0);
    // Meanwhile a hit costs an address what a miss does, so its count cannot tell a guesser it hit.
    for (const [address, code] of [['127.0.0.201', globex.pairingCode], ['127.0.0.202', 'ZZZZ-ZZZZ']] as const) {
      for (let i = 0; i < PAIR_MAX_FAILURES; i++) expect((await tryCodeFrom(address, code)).error?.message).toBe(TOO_MANY_FOR_BOOTH);
      expect((await tryCodeFrom(address, code)).error?.message).toBe(TOO_MANY);
    }

    const reset = await api(server.url, `/api/admin/booths/${acme.id}/reset-code`, { method: 'POST', token: server.adminToken });
    const fresh = (await reset.json()) as BoothAdmin;
    expect((await pair(server, fresh.pairingCode)).booth.id).toBe(acme.id);
    expect((await tryCode(globex.pairingCode)).status).toBe(429); // not reset: still locked

    now = new Date(now.getTime() + 10 * 60_000);
    expect((await pair(server, globex.pairingCode)).booth.id).toBe(globex.id);
  });
});
