// Past one machine, wrong pairing codes and PINs are counted in Redis for every process: a guesser
// whose tries land on two processes gets the tries of one.
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PAIR_MAX_FAILURES } from '../../server/http/routes/pair.ts';
import { redisLimits, type Limits } from '../../server/limits/tries.ts';
import { PIN_MAX_FAILURES } from '../../server/realtime/rep.ts';
import type { PairResult } from '../../shared/protocol.ts';
import { api, ask, connectRep, disconnectAll } from '../helpers.ts';
import { FAIR_MORNING, setUpFair } from '../realtime/fixtures.ts';
import { startCluster, type TestCluster } from './cluster.ts';
import { hasCluster, redisUrl } from './database.ts';

const WINDOW_MS = 10 * 60_000;
const AT = new Date('2026-03-12T09:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

const clients: ReturnType<typeof createClient>[] = [];
/** Two processes' limits on one fair: each its own Redis connection. */
async function twoProcesses(): Promise<[Limits, Limits]> {
  const prefix = `boothlink:test-${randomBytes(6).toString('hex')}`;
  const connect = async () => {
    const client = createClient({ url: redisUrl });
    await client.connect();
    clients.push(client);
    return redisLimits(client, prefix);
  };
  return [await connect(), await connect()];
}
afterAll(async () => {
  for (const client of clients) await client.close();
});

describe.runIf(hasCluster)('tries counted in Redis', () => {
  it('three tries spread over two processes use up the window on both; a forgiven try is given back', async () => {
    const [a, b] = await twoProcesses();
    const onA = a.tries('pin', { max: 3, windowMs: WINDOW_MS, maxKeys: 10 });
    const onB = b.tries('pin', { max: 3, windowMs: WINDOW_MS, maxKeys: 10 });
    const tries = await Promise.all([onA.attempt('rep-1', AT), onB.attempt('rep-1', AT), onA.attempt('rep-1', AT), onB.attempt('rep-1', AT)]);
    expect(tries.filter(Boolean)).toHaveLength(3);
    expect(await onB.left('rep-1', later(1000))).toBe(0);
    expect(await onA.waitMs('rep-1', later(1000))).toBe(WINDOW_MS - 1000);
    expect(await onA.attempt('rep-2', AT)).toBeDefined(); // another key counts on its own

    tries.find(Boolean)!.forgive();
    await expect.poll(() => onB.left('rep-1', later(1000))).toBe(1);
    expect(await onB.attempt('rep-1', later(2000))).toBeDefined();
    expect(await onA.attempt('rep-1', later(2000))).toBeUndefined();
    // The window over, by the servers' clock: a fresh one.
    expect(await onB.attempt('rep-1', later(WINDOW_MS))).toBeDefined();
    expect(await onA.left('rep-1', later(WINDOW_MS))).toBe(2);
  });

  it('the fair-wide lockout trips on wrong codes from both, freezes the codes of then, and lets a newer code pass', async () => {
    const [a, b] = await twoProcesses();
    const options = { max: 4, windowMs: WINDOW_MS };
    const [onA, onB] = [a.lockout('pair', options), b.lockout('pair', options)];
    const codes = () => ['ACME-CODE', 'GLOB-CODE'];
    const wrong = await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? onA : onB).refuses(undefined, AT, codes)));
    expect(wrong).toEqual([false, false, false, false]); // counted, and answered as wrong codes
    expect(await onB.refuses(undefined, AT, codes)).toBe(true);
    expect(await onB.refuses('ACME-CODE', AT, codes)).toBe(true); // a right code of then: refused like a guess
    expect(await onA.refuses('NEWC-CODE', AT, codes)).toBe(false); // reset by the organiser since
    expect(await onA.refuses('ACME-CODE', later(WINDOW_MS), codes)).toBe(false);
  });
});

let cluster: TestCluster | undefined;
afterEach(async () => {
  disconnectAll();
  await cluster?.close();
  cluster = undefined;
});
const urlOf = (i: number) => cluster!.processUrls[i % 2]!;

describe.runIf(hasCluster)('a guesser on two server processes', () => {
  it('gets the wrong pairing codes of one tablet, then is refused on either', async () => {
    cluster = await startCluster({ now: () => FAIR_MORNING });
    const { booth } = await setUpFair(cluster.store);
    await booth('acme', 'ACME', '12');
    const guess = (i: number) => api(urlOf(i), '/api/rep/pair', { json: { code: `WRONG-${1000 + i}`, name: 'Mallory', email: 'm@example.com', pin: '1234' } });
    for (let i = 0; i < PAIR_MAX_FAILURES; i += 1) expect((await guess(i)).status).toBe(401);
    const refused = await guess(PAIR_MAX_FAILURES);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED', message: 'Too many wrong pairing codes from this tablet. Ask the organiser for help.' } });
    // The right code from the same address is refused too, on the other process.
    const right = await api(urlOf(PAIR_MAX_FAILURES + 1), '/api/rep/pair', { json: { code: 'acme code', name: 'Ada', email: 'ada@example.com', pin: '2468' } });
    expect(right.status).toBe(429);
  });

  it('gets the wrong PINs of one tablet, with its sockets on both processes', async () => {
    cluster = await startCluster({ now: () => FAIR_MORNING });
    const { booth } = await setUpFair(cluster.store);
    await booth('acme', 'ACME', '12');
    const paired = await api(urlOf(0), '/api/rep/pair', { json: { code: 'acme code', name: 'Ada', email: 'ada@example.com', pin: '2468' } });
    const { token } = (await paired.json()) as PairResult;
    const tablets = [await connectRep(urlOf(0), token), await connectRep(urlOf(1), token)];
    for (let i = 0; i < PIN_MAX_FAILURES; i += 1) {
      expect(await ask(tablets[i % 2]!, 'rep:unlock', { pin: '0000' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    for (const tablet of tablets) {
      expect(await ask(tablet, 'rep:unlock', { pin: '2468' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Too many wrong PINs on this tablet\. Wait 5 minutes/) } });
    }
  });
});
