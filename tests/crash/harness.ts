// Write load from phones and the organiser, SIGKILL at a random moment, restart on the same
// folder, check; N times. The same harness runs the real server and the negative control.
import fs from 'node:fs';
import { api, disconnectAll, tempDir } from '../helpers.ts';
import { seeded } from '../helpers.ts';
import { checkFair, checkFiles, type FairExport } from './checker.ts';
import { acknowledgedCount, newLedger } from './ledger.ts';
import { createBooth, organiserLoad, setFairDay } from './organiser.ts';
import { makePhone, type Phone } from './phone.ts';
import { CRASH_ADMIN_TOKEN, startServerProcess, type ServerProcess } from './serverProcess.ts';

export const PHONES = 8;
export const STARTING_BOOTHS = 4;
/** Per phone and round: a bound on the load, far above what fits before the kill. */
export const MAX_ACTIONS_PER_PHONE = 400;
export const LOAD_CAP_MS = 3_000;
const KILL_AFTER_MIN_MS = 100;
const KILL_AFTER_MAX_MS = 600;
/** When in a round's load the kill comes, drawn from `random`. */
export const killAfterMs = (random: () => number): number => KILL_AFTER_MIN_MS + Math.floor(random() * (KILL_AFTER_MAX_MS - KILL_AFTER_MIN_MS));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CrashSummary {
  kills: number;
  /** How long into each round's load the SIGKILL came. */
  killAfterMs: number[];
  acknowledged: { total: number; booths: number; saves: number; shares: number; requests: number; cancels: number };
  /** Unanswered actions resent with their original id after a restart. */
  resent: number;
  /** Acknowledged writes first found missing after each restart. */
  newlyLostPerRestart: number[];
  lost: string[];
  duplicated: string[];
  fileProblems: string[];
  tornTails: number;
  /** Every journal/snapshot file name met in the checks. */
  files: string[];
  refusals: string[];
  durationMs: number;
}

export async function runCrashRounds(options: { entry: string; rounds: number; seed: number }): Promise<CrashSummary> {
  const started = Date.now();
  const random = seeded(options.seed); // so CRASH_SEED replays the same kill moments
  const dir = tempDir('boothlink-crash-');
  const ledger = newLedger();
  const lost = new Set<string>();
  const duplicated = new Set<string>();
  const fileProblems: string[] = [];
  const files = new Set<string>();
  const organiserRefusals: string[] = [];
  const everyPhone: Phone[] = [];
  const summary = { kills: 0, killAfterMs: [] as number[], resent: 0, newlyLostPerRestart: [] as number[], tornTails: 0 };
  let server: ServerProcess | undefined;

  const verify = async (url: string, when: string) => {
    const res = await api(url, '/api/admin/export/fair.json', { token: CRASH_ADMIN_TOKEN });
    if (res.status !== 200) throw new Error(`The fair export answered ${res.status} ${when}.`);
    const report = checkFair((await res.json()) as FairExport, ledger);
    for (const item of report.lost) lost.add(item);
    for (const item of report.duplicated) duplicated.add(item);
  };
  const checkFolder = (when: string, allowTornTail: boolean) => {
    const check = checkFiles(dir, { allowTornTail });
    fileProblems.push(...check.problems.map((p) => `${when}: ${p}`));
    summary.tornTails += check.tornTails;
    for (const name of check.checked) files.add(name);
  };
  /** Stops the server with SIGTERM: it must exit 0 (the negative control too: it flushes on close). */
  const stopCleanly = async (running: ServerProcess) => {
    const code = await running.stop('SIGTERM');
    if (code !== 0) fileProblems.push(`the server stopped with exit code ${code}:\n${running.output()}`);
  };
  /** After a restart: the acknowledged writes are there; then the outboxes are resent; then again. */
  const afterRestart = async (url: string, phones: Phone[], round: number) => {
    const lostBefore = lost.size;
    await verify(url, `after restart ${round}`);
    summary.newlyLostPerRestart.push(lost.size - lostBefore);
    for (const phone of phones) if (await phone.resend(url)) summary.resent += 1;
    await verify(url, `after the resends of restart ${round}`);
  };

  try {
    server = await startServerProcess(options.entry, dir);
    await setFairDay(server.url);
    const slugs: string[] = [];
    for (let b = 1; b <= STARTING_BOOTHS; b += 1) slugs.push((await createBooth(server.url, `Starting booth ${b}`, ledger))!.slug);
    // A clean stop settles the setup, so every round has its booths whichever server runs.
    await stopCleanly(server);
    server = await startServerProcess(options.entry, dir);

    let previous: Phone[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      if (round > 0) await afterRestart(server.url, previous, round);
      // Fresh phones each round (so answers stay small as the fair grows), each on its own booth order.
      const phones = Array.from({ length: PHONES }, (_, i) =>
        makePhone(`r${round}p${i}`, [...slugs.slice(i % slugs.length), ...slugs.slice(0, i % slugs.length)], ledger));
      everyPhone.push(...phones);
      const sockets = await Promise.all(phones.map((phone) => phone.connect(server!.url)));

      const loadStart = Date.now();
      const until = loadStart + LOAD_CAP_MS;
      const loads = phones.map((phone, i) => phone.run(sockets[i]!, { maxActions: MAX_ACTIONS_PER_PHONE, until }));
      const organiser = organiserLoad(server.url, round, ledger, until, organiserRefusals);
      const killAfter = killAfterMs(random);
      // At the random moment, or as soon as a phone runs out of budget: the kill always lands under load.
      await Promise.race([sleep(killAfter), ...loads, server.exited]);
      if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The server exited by itself under load:\n${server.output()}`);
      await server.stop('SIGKILL');
      summary.kills += 1;
      summary.killAfterMs.push(Date.now() - loadStart);
      await Promise.all([...loads, organiser]);
      disconnectAll();

      checkFolder(`after kill ${round + 1}`, true);
      server = await startServerProcess(options.entry, dir);
      previous = phones;
    }
    await afterRestart(server.url, previous, options.rounds);
    await stopCleanly(server);
    checkFolder('after the last, clean stop', false);
  } finally {
    await server?.stop('SIGKILL');
    disconnectAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  return {
    ...summary,
    acknowledged: {
      total: acknowledgedCount(ledger),
      booths: ledger.booths.size,
      saves: ledger.savesAcknowledged,
      shares: ledger.shares.size,
      requests: ledger.requests.size,
      cancels: ledger.cancels.size,
    },
    lost: [...lost],
    duplicated: [...duplicated],
    fileProblems,
    files: [...files].sort(),
    refusals: [...organiserRefusals, ...everyPhone.flatMap((phone) => phone.refusals)],
    durationMs: Date.now() - started,
  };
}
