// A process of two dies under load: SIGKILL one while phones on both write. The phones of the dead
// one reconnect to the other and send their unanswered action again, with its id; every
// acknowledged write is there exactly once (the crash test's checker), and none is applied twice.
import { afterEach, expect, it } from 'vitest';
import { checkFair, type FairExport } from '../crash/checker.ts';
import { killAfterMs, LOAD_CAP_MS, MAX_ACTIONS_PER_PHONE, PHONES, sleep, STARTING_BOOTHS } from '../crash/harness.ts';
import { acknowledgedCount, newLedger } from '../crash/ledger.ts';
import { createBooth, organiserLoad, setFairDay } from '../crash/organiser.ts';
import { makePhone, type Phone } from '../crash/phone.ts';
import { CRASH_ADMIN_TOKEN, killAllServers, startServerProcess, type ServerProcess } from '../crash/serverProcess.ts';
import { api, disconnectAll, seeded, tempDir } from '../helpers.ts';
import { freshFair, hasCluster, redisUrl, urlOf } from './database.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));
const BOOTHS = STARTING_BOOTHS;

afterEach(async () => {
  disconnectAll();
  await killAllServers();
});

it.runIf(hasCluster)(`SIGKILL one of two processes under load, ${ROUNDS} times: every acknowledged write once, the dead one's phones carry on on the other`, { timeout: 60_000 + ROUNDS * 60_000 }, async () => {
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
  for (let b = 1; b <= BOOTHS; b += 1) slugs.push((await createBooth(processes[0].url, `Starting booth ${b}`, ledger))!.slug);

  for (let round = 0; round < ROUNDS; round += 1) {
    const victim = round % 2;
    const survivor = processes[1 - victim]!;
    const phones: Phone[] = Array.from({ length: PHONES }, (_, i) =>
      makePhone(`r${round}p${i}`, [...slugs.slice(i % BOOTHS), ...slugs.slice(0, i % BOOTHS)], ledger));
    // Half the phones on each process; the organiser on the one that dies.
    const sockets = await Promise.all(phones.map((phone, i) => phone.connect(processes[i % 2]!.url)));
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
    processes[victim] = await start();
    await verify(processes[victim]!.url); // a new process starts with the whole fair
  }

  console.log(`cluster crash: ${ROUNDS} kills, ${acknowledgedCount(ledger)} acknowledged writes, ${resent} resent, ` +
    `${lost.size} lost, ${duplicated.size} duplicated, ${refusals.length} refused, CRASH_SEED=${SEED}`);
  expect(ledger.requests.size, 'the load made no requests: the check would prove little').toBeGreaterThan(0);
  expect(resent, 'no kill caught an action in flight').toBeGreaterThan(0);
  expect({ lost: [...lost], duplicated: [...duplicated], refusals }, `CRASH_SEED=${SEED}`).toEqual({ lost: [], duplicated: [], refusals: [] });
});
