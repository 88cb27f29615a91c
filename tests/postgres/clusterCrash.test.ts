// A process of two dies under load: SIGKILL one while phones on both write. The phones of the dead
// one reconnect to the other and send their unanswered action again, with its id; every
// acknowledged write is there exactly once (the crash test's checker), and none is applied twice.
// A tablet on the dead one catches up on the other with rep:sync from the last number it heard.
import { afterEach, expect, it } from 'vitest';
import type { RepView } from '../../shared/protocol.ts';
import { checkFair, type FairExport } from '../crash/checker.ts';
import { killAfterMs, LOAD_CAP_MS, MAX_ACTIONS_PER_PHONE, PHONES, sleep, STARTING_BOOTHS } from '../crash/harness.ts';
import { acknowledgedCount, newLedger } from '../crash/ledger.ts';
import { createBooth, organiserLoad, setFairDay } from '../crash/organiser.ts';
import { makePhone, type Phone } from '../crash/phone.ts';
import { CRASH_ADMIN_TOKEN, killAllServers, startServerProcess, type ServerProcess } from '../crash/serverProcess.ts';
import { actionId, api, ask, connectRep, connectStudent, disconnectAll, seeded, studentKey, tempDir, type RepClient } from '../helpers.ts';
import { SAM } from '../realtime/fixtures.ts';
import { freshFair, hasCluster, redisUrl, urlOf } from './database.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));
const BOOTHS = STARTING_BOOTHS;

/** What a tablet shows: each request's status and each visitor, by id. */
interface Shown {
  requests: Map<string, string>;
  visitors: Set<string>;
}

const shownBy = (view: Pick<RepView, 'requests' | 'visitors'>, into: Shown = { requests: new Map(), visitors: new Set() }): Shown => {
  for (const request of view.requests) into.requests.set(request.id, request.status);
  for (const visitor of view.visitors) into.visitors.add(visitor.introductionId);
  return into;
};

/** A tablet that loads its booth and keeps what the pushes change, with the last number it heard in order. */
async function watchingTablet(url: string, token: string) {
  const socket: RepClient = await connectRep(url, token);
  const loaded = await ask(socket, 'rep:load');
  if (!loaded.ok) throw new Error(`The tablet's booth did not load: ${loaded.error.message}`);
  const shown = shownBy(loaded.data);
  const heard = { seq: loaded.data.seq, epoch: loaded.data.epoch };
  const next = (seq: number) => {
    if (seq === heard.seq + 1) heard.seq = seq; // a gap would leave the number where it was: sync then sends from there
  };
  socket.on('request:changed', (card, seq) => {
    shown.requests.set(card.id, card.status);
    next(seq);
  });
  socket.on('visitor:changed', (card, seq) => {
    shown.visitors.add(card.introductionId);
    next(seq);
  });
  socket.on('booth:changed', (_booth, seq) => next(seq));
  socket.on('tags:changed', (_tags, seq) => next(seq));
  return { shown, heard };
}

afterEach(async () => {
  disconnectAll();
  await killAllServers();
});

it.runIf(hasCluster)(`SIGKILL one of two processes under load, ${ROUNDS} times: every acknowledged write once, the dead one's phones carry on on the other, its tablet catches up there`, { timeout: 60_000 + ROUNDS * 60_000 }, async () => {
  const random = seeded(SEED);
  const env = { DATABASE_URL: urlOf(await freshFair()), REDIS_URL: redisUrl };
  const start = () => startServerProcess('server/main.ts', tempDir(), env);
  const ledger = newLedger();
  const lost = new Set<string>();
  const duplicated = new Set<string>();
  const refusals: string[] = [];
  let resent = 0;
  const verify = async (url: string) => {
    const res = await api(url, '/api/admin/export/fair.json', { token: CRASH_ADMIN_TOKEN });
    expect(res.status).toBe(200);
    const report = checkFair((await res.json()) as FairExport, ledger);
    report.lost.forEach((item) => lost.add(item));
    report.duplicated.forEach((item) => duplicated.add(item));
  };

  const processes: [ServerProcess, ServerProcess] = [await start(), await start()];
  await setFairDay(processes[0].url);
  const slugs: string[] = [];
  const codes: string[] = [];
  for (let b = 1; b <= BOOTHS; b += 1) {
    const booth = (await createBooth(processes[0].url, `Starting booth ${b}`, ledger))!;
    slugs.push(booth.slug);
    codes.push(booth.pairingCode);
  }
  // A tablet of the first booth, which every round's phones visit.
  const paired = await api(processes[0].url, '/api/rep/pair', { json: { code: codes[0], name: 'Ada', title: 'Recruiter', email: 'ada@example.com', pin: '2468' } });
  expect(paired.status).toBe(200);
  const { token } = (await paired.json()) as { token: string };
  let caughtUp = 0;

  for (let round = 0; round < ROUNDS; round += 1) {
    const victim = round % 2;
    const survivor = processes[1 - victim]!;
    const phones: Phone[] = Array.from({ length: PHONES }, (_, i) =>
      makePhone(`r${round}p${i}`, [...slugs.slice(i % BOOTHS), ...slugs.slice(0, i % BOOTHS)], ledger));
    // Half the phones on each process; the organiser on the one that dies.
    const sockets = await Promise.all(phones.map((phone, i) => phone.connect(processes[i % 2]!.url)));
    const tablet = await watchingTablet(processes[victim]!.url, token);
    const until = Date.now() + LOAD_CAP_MS;
    const loads = phones.map((phone, i) => phone.run(sockets[i]!, { maxActions: MAX_ACTIONS_PER_PHONE, until }));
    const organiser = organiserLoad(processes[victim]!.url, round, ledger, until, refusals);
    await Promise.race([sleep(killAfterMs(random)), ...loads]);
    await processes[victim]!.stop('SIGKILL');
    const outcomes = await Promise.all(loads);
    await organiser;
    disconnectAll();
    expect(outcomes.filter((o, i) => o === 'cut' && i % 2 === 1 - victim), "a phone on the surviving process was cut").toEqual([]);

    await verify(survivor.url);
    for (const phone of phones) if (await phone.resend(survivor.url)) resent += 1; // the dead one's phones, on the other
    await verify(survivor.url);

    // Something the tablet cannot have heard: a visitor and a request at its booth, on the other process.
    const note = `After the kill, round ${round}`;
    const latecomer = await connectStudent(survivor.url, studentKey());
    expect(await ask(latecomer, 'profile:save', SAM)).toMatchObject({ ok: true });
    expect(await ask(latecomer, 'intro:share', { id: actionId(), slug: slugs[0]! })).toMatchObject({ ok: true });
    expect(await ask(latecomer, 'request:create', { id: actionId(), slug: slugs[0]!, note })).toMatchObject({ ok: true });

    // The tablet, its process gone, asks the other for what it missed since the last number it heard.
    const onSurvivor = await connectRep(survivor.url, token);
    const missed = await ask(onSurvivor, 'rep:sync', { since: tablet.heard.seq, epoch: tablet.heard.epoch });
    if (!missed.ok) throw new Error(`The tablet's catch-up was refused: ${missed.error.message}`);
    expect(missed.data.full, 'the other process sent the whole booth, not what was missed').toBe(false);
    const late = missed.data.requests.find((request) => request.note === note);
    expect(late && !tablet.shown.requests.has(late.id), 'the catch-up holds the request made after the kill, which the tablet had not seen').toBe(true);
    shownBy(missed.data, tablet.shown);
    const fresh = await ask(onSurvivor, 'rep:load');
    expect(fresh.ok && shownBy(fresh.data), `CRASH_SEED=${SEED}: the caught-up tablet shows what a fresh load shows`).toEqual(tablet.shown);
    caughtUp += missed.data.requests.length + missed.data.visitors.length;
    disconnectAll();

    processes[victim] = await start();
    await verify(processes[victim]!.url); // a new process starts with the whole fair
  }

  console.log(`cluster crash: ${ROUNDS} kills, ${acknowledgedCount(ledger)} acknowledged writes, ${resent} resent, ${caughtUp} cards caught up by the tablet, ` +
    `${lost.size} lost, ${duplicated.size} duplicated, ${refusals.length} refused, CRASH_SEED=${SEED}`);
  expect(ledger.requests.size, 'the load made no requests: the check would prove little').toBeGreaterThan(0);
  expect(resent, 'no kill caught an action in flight').toBeGreaterThan(0);
  expect({ lost: [...lost], duplicated: [...duplicated], refusals }, `CRASH_SEED=${SEED}`).toEqual({ lost: [], duplicated: [], refusals: [] });
});
