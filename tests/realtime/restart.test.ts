// The laptop's server is killed (SIGKILL) while phones act and tablets watch, and started again on
// the same folder and port. The tablets catch up on their own, no reload; the booths' numbers go
// on from where the saved history ends, one per change, with no hole; every action counts once.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { configureFair, createBooth, pairRep } from '../../server/domain/booths.ts';
import type { FairJson } from '../../server/http/formats/fairJson.ts';
import { newToken, sha256 } from '../../server/ids.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { api, freePort, tempDir, waitFor } from '../helpers.ts';
import { checkExactlyOnce } from './flaky/checker.ts';
import { makePhone, makeTablet, type FeedEntry, type Tablet } from './flaky/clients.ts';
import { actAsStudent, type FlapRun } from './flaky/run.ts';
import { startServerProcess, type ServerProcess } from './flaky/serverProcess.ts';

const ADMIN = 'restart-test-admin-token-0123456789';
const PHONES = 6;
const ROUNDS = 8;
const TIME_CAP_MS = 40_000;

let server: ServerProcess | undefined;
let devices: { close(): void }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  devices.forEach((d) => d.close());
  devices = [];
  await server?.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fair dated tomorrow (so no slot has passed), two booths, two tablets each; returns their tokens. */
async function prepare(dir: string): Promise<string[]> {
  const store = await openFileStore(dir, { log: () => {} });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const must = async (decision: ReturnType<typeof configureFair>) => store.commit({ events: decision.events! });
  await must(configureFair(store.state, { name: 'Fair', date: tomorrow, timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 }));
  const tokens: string[] = [];
  for (const [b, id] of ['bth0', 'bth1'].entries()) {
    await must(createBooth(store.state, { id, pairingCode: `${id.toUpperCase()}-CODE`, employer: `Employer ${b}`, booth: String(b), description: '', website: '', roles: [], place: '' }, new Date()));
    for (const parity of [0, 1]) {
      const token = newToken();
      await must(pairRep(store.state, { code: `${id.toUpperCase()}-CODE`, name: `Rep${b}x${parity}`, title: '', email: `r${b}${parity}@example.com`, repId: `rep${b}${parity}`, tokenHash: sha256(token) }, new Date()));
      tokens.push(token);
    }
  }
  await store.close();
  return tokens;
}

/** The server's state (the organiser's fair.json) once `done` holds for it. */
async function settled(url: string, done: (state: FairJson) => boolean, timeoutMs = 60_000): Promise<FairJson> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = (await (await api(url, '/api/admin/export/fair.json', { token: ADMIN })).json()) as FairJson;
    if (done(state)) return state;
    if (Date.now() > until) throw new Error('The fair did not settle: requests still pending or tablets behind.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a tablet's numbers show: a number naming two changes, a number forgotten, or a hole. */
function numberingProblems(tablet: Tablet, named: Map<string, string>): string[] {
  const problems: string[] = [];
  let last: number | undefined;
  let before = 0; // the highest number seen before the restart mark
  for (const entry of tablet.log as FeedEntry[]) {
    if (entry.via === 'mark') {
      before = Math.max(before, last ?? 0);
      last = undefined; // a new server life: numbers count again from the first sync
    } else if (entry.via === 'sync') {
      if (entry.n < before) problems.push(`${tablet.label}: the restarted server is at ${entry.n}, below ${before} seen before the kill`);
      last = Math.max(last ?? 0, entry.n);
    } else {
      const key = `${tablet.label.split('/')[0]}#${entry.n}`;
      if (named.has(key) && named.get(key) !== entry.what) problems.push(`${key} named both "${named.get(key)}" and "${entry.what}"`);
      named.set(key, entry.what);
      if (last === undefined || entry.n <= last) continue; // before the first sync, or already covered by one
      if (entry.n !== last + 1) problems.push(`${tablet.label}: a hole between ${last} and ${entry.n}`);
      last = entry.n;
    }
  }
  return problems;
}

describe('a server killed and restarted with tablets connected', () => {
  it('tablets resync by themselves, numbers go on without holes, every action counts once', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const tokens = await prepare(dir);
    const port = await freePort();
    server = await startServerProcess(dir, port, ADMIN);
    const url = server.url;
    const tablets = tokens.map((token, i) => makeTablet(url, `tablet ${i >> 1}/${i % 2}`, token, (card) => Number(card.note.split('#')[1]) % 2 === i % 2));
    const phones = Array.from({ length: PHONES }, (_, i) => makePhone(url, `phone ${i}`));
    devices = [...tablets, ...phones];
    const deadline = Date.now() + TIME_CAP_MS;
    await waitFor(() => devices.every((d) => (d as Tablet).socket.connected), 5000, 'every device to connect');

    const acting = Promise.all(phones.map((phone, i) => actAsStudent(phone, i, ['employer-0', 'employer-1'], ROUNDS, deadline)));
    // Kill it under load: once about a third of the requests are in.
    await waitFor(() => phones.reduce((n, p) => n + p.asked.length, 0) >= (PHONES * ROUNDS) / 3, 20_000, 'the first requests');
    await server.kill('SIGKILL');
    const atKill = phones.reduce((n, p) => n + p.asked.length, 0);
    tablets.forEach((t) => t.log.push({ via: 'mark', n: 0 }));
    server = await startServerProcess(dir, port, ADMIN);
    await acting;
    expect(atKill).toBeLessThan(PHONES * ROUNDS); // the kill came in the middle of the work

    await waitFor(() => devices.every((d) => (d as Tablet).socket.connected && (d as Tablet).outbox.items().length === 0), 10_000, 'every outbox to empty');
    const state = await settled(url, (s) => Object.values(s.requests).every((r) => r.status !== 'pending') && tablets.every((t, i) => t.seq() === s.booths[`bth${i >> 1}`]!.seq));
    expect(Object.keys(state.requests)).toHaveLength(PHONES * ROUNDS);

    const run: FlapRun = { phones, tablets, tokens, cuts: 0, resent: 0, slugs: ['employer-0', 'employer-1'], durationMs: 0 };
    expect(await checkExactlyOnce(url, state, run)).toEqual([]);
    const named = new Map<string, string>();
    expect(tablets.flatMap((t) => numberingProblems(t, named))).toEqual([]);
    // Each tablet synced again after the restart, and took in pushes in both lives.
    for (const tablet of tablets) {
      const mark = tablet.log.findIndex((e) => e.via === 'mark');
      expect(tablet.log.slice(mark).some((e) => e.via === 'sync')).toBe(true);
      expect(tablet.log.slice(mark).some((e) => e.via === 'push')).toBe(true);
    }
  }, 60_000);
});
