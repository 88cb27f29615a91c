// Events are rate-limited per socket and per address: a flooding client is told to wait, what it
// sent past its limit changes nothing, and every other student's actions all go through meanwhile.
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { profileOf } from '../../server/domain/profiles.ts';
import type { RateLimits } from '../../server/limits/rates.ts';
import type { Reply, StudentView } from '../../shared/protocol.ts';
import { actionId, ask, startServer, studentKey, type StudentClient, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair } from '../realtime/fixtures.ts';
import { connectFrom, dataText, disconnectMade, sleep } from './support.ts';

const RATE_LIMITED = { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many actions at once. Wait a few seconds and try again.' } };
const PLENTY = { burst: 100_000, perSecond: 100_000 };

let server: TestServer;
afterEach(async () => {
  disconnectMade();
  await server.close();
});

async function startFair(rateLimits: RateLimits): Promise<void> {
  server = await startServer({ now: () => FAIR_MORNING, rateLimits });
  const { booth } = await setUpFair(server.store);
  await booth('acme', 'ACME', '12');
  await booth('globex', 'Globex', '14');
}

const student = (address?: string) => connectFrom(server.url, '/student', { key: studentKey() }, address);

/** Profile saves named "Flood <n>", 20 at a time, at least 60, until `stop()`; each name with its reply. */
async function flood(sockets: StudentClient[], stop: () => boolean): Promise<{ name: string; reply: Reply<StudentView> }[]> {
  const replies: { name: string; reply: Reply<StudentView> }[] = [];
  let n = 0;
  while (n < 60 || !stop()) {
    await Promise.all(Array.from({ length: 20 }, (_, i) => {
      const name = `Flood ${++n}`;
      return ask(sockets[i % sockets.length]!, 'profile:save', { ...SAM, name }).then((reply) => void replies.push({ name, reply }));
    }));
  }
  return replies;
}

/** A student's ordinary visit to both booths: nine actions, one after another. */
async function visit(phone: StudentClient): Promise<Reply<unknown>[]> {
  const replies: Reply<unknown>[] = [await ask(phone, 'student:load'), await ask(phone, 'profile:save', SAM)];
  for (const slug of ['acme', 'globex']) {
    replies.push(await ask(phone, 'booth:get', { slug }));
    replies.push(await ask(phone, 'intro:share', { id: actionId(), slug }));
    replies.push(await ask(phone, 'request:create', { id: actionId(), slug, note: 'Internships?' }));
  }
  replies.push(await ask(phone, 'student:load'));
  return replies;
}

/** What the flood shows: the refusal it got, and that exactly its accepted saves reached the disk. */
function expectOnlyAcceptedSaved(replies: { name: string; reply: Reply<StudentView> }[]): void {
  const accepted = replies.filter((r) => r.reply.ok).map((r) => r.name);
  const refused = replies.filter((r) => !r.reply.ok);
  expect(accepted.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(accepted.length);
  for (const { reply } of refused) expect(reply).toEqual(RATE_LIMITED);
  const saved = new Set(dataText(server.dataDir).match(/Flood \d+/g));
  expect([...saved].sort()).toEqual([...accepted].sort());
}

describe('rate limit per socket', () => {
  it('refuses a flooding socket while another student on the same address gets every answer', async () => {
    await startFair({ socket: { burst: 10, perSecond: 10 }, address: PLENTY, isExempt: () => false });
    const [flooder, victim] = [await student(), await student()];
    let victimDone = false;
    const flooding = flood([flooder], () => victimDone);
    const answers = await visit(victim).finally(() => (victimDone = true));
    expect(answers.map((r) => r.ok)).toEqual(answers.map(() => true));

    const replies = await flooding;
    expectOnlyAcceptedSaved(replies);
    const accepted = replies.flatMap((r) => (r.reply.ok ? [{ name: r.name, studentId: r.reply.data.studentId }] : []));
    expect(accepted.map((a) => a.name)).toContain(profileOf(server.store.state.students.get(accepted[0]!.studentId)!).name);

    // A second after the flood the bucket is full again: a normal burst all goes through.
    await sleep(1_100);
    const again = await Promise.all(Array.from({ length: 9 }, (_, i) => ask(flooder, 'profile:save', { ...SAM, name: `Calm ${i}` })));
    expect(again.map((r) => r.ok)).toEqual(again.map(() => true));
  });

  it('counts events without an ack and unknown events too, and still answers later', async () => {
    await startFair({ socket: { burst: 5, perSecond: 5 }, address: PLENTY, isExempt: () => false });
    const flooder = await student();
    const raw = flooder as unknown as Socket; // events the contract does not allow
    for (let i = 0; i < 50; i++) raw.emit('profile:save', { ...SAM, name: `Flood ${i}` }); // no ack
    for (let i = 0; i < 50; i++) raw.emit('no:such:event');
    expect(await ask(flooder, 'student:load')).toEqual(RATE_LIMITED);
    expect(dataText(server.dataDir)).not.toMatch(/Flood/);
    await sleep(1_100);
    expect(await ask(flooder, 'student:load')).toMatchObject({ ok: true });
  });
});

describe('rate limit per address', () => {
  it('a flood from many sockets on one address spends that address, not the others', async () => {
    // 0.5 a second: no token comes back in the moments the test looks, even on a busy machine.
    await startFair({ socket: PLENTY, address: { burst: 20, perSecond: 0.5 }, isExempt: () => false });
    const flooders = [await student(), await student(), await student()];
    const victim = await student('127.0.0.2');
    let victimDone = false;
    const flooding = flood(flooders, () => victimDone);
    const answers = await visit(victim).finally(() => (victimDone = true));
    expect(answers.map((r) => r.ok)).toEqual(answers.map(() => true));
    expectOnlyAcceptedSaved(await flooding);

    // A fresh socket on the flooded address is refused at once: the limit is the address's.
    const newcomer = await student();
    expect(await ask(newcomer, 'student:load')).toEqual(RATE_LIMITED);
    await sleep(2_100); // one token back
    expect(await ask(newcomer, 'student:load')).toMatchObject({ ok: true });
  });
});
