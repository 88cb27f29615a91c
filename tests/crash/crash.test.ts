// Issue 3's crash test: no acknowledged write is lost or doubled by a SIGKILL, and the harness
// proves it can tell, by catching a server that answers before its write is durable.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disconnectAll } from '../helpers.ts';
import { runCrashRounds, type CrashSummary } from './harness.ts';
import { fairOpenAllDay } from './organiser.ts';
import { killAllServers } from './serverProcess.ts';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 5);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));
/** A round is one start (~1 s quiet, several on a busy machine), at most 0.6 s of load, a check and resends. */
const TIMEOUT_MS = 60_000 + ROUNDS * 60_000;

const cleanUp = async () => {
  disconnectAll();
  await killAllServers(); // even after a failure: no server may outlive the test
};
afterEach(cleanUp);
afterAll(cleanUp);

const describeRun = (name: string, s: CrashSummary) =>
  `${name}: ${s.kills} kills at ${s.killAfterMs.join('/')} ms into the load, ${s.acknowledged.total} acknowledged writes ` +
  `(${JSON.stringify(s.acknowledged)}), ${s.resent} resent, ${s.lost.length} lost (per restart: ${s.newlyLostPerRestart.join('/')}), ` +
  `${s.duplicated.length} duplicated, ` +
  `files ${s.files.join(' ')}, ${s.tornTails} torn tails, ${s.refusals.length} refused, ${(s.durationMs / 1000).toFixed(1)} s, CRASH_SEED=${SEED}`;

it('the crash fair is open for hours at any time of day (requests need open windows)', () => {
  for (let hour = 0; hour < 24; hour += 1) {
    const now = new Date(Date.UTC(2027, 0, 31, hour, 59));
    const fair = fairOpenAllDay(now);
    const there = new Intl.DateTimeFormat('en-CA', { timeZone: fair.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit' }).format(now);
    expect(there).toBe(`${fair.date}, 12`);
  }
});

describe(`crash test: SIGKILL under write load, restart on the same folder, ${ROUNDS} times`, () => {
  it('the server keeps every acknowledged write exactly once, and its files parse', { timeout: TIMEOUT_MS }, async () => {
    const s = await runCrashRounds({ entry: 'server/main.ts', rounds: ROUNDS, seed: SEED });
    console.log(describeRun('server/main.ts', s));
    expect(s.kills).toBe(ROUNDS);
    // Loose on purpose: a busy 2-core CI runs other test files meanwhile.
    expect(s.acknowledged.requests, 'the load made no requests: the check would prove little').toBeGreaterThan(0);
    expect(s.acknowledged.total).toBeGreaterThan(ROUNDS * 8);
    expect(s.resent, 'no kill caught an action in flight').toBeGreaterThan(0);
    const problems = { lost: s.lost, duplicated: s.duplicated, fileProblems: s.fileProblems, refusals: s.refusals };
    expect(problems, `CRASH_SEED=${SEED}`).toEqual({ lost: [], duplicated: [], fileProblems: [], refusals: [] });
  });

  it('negative control: the same harness catches a server that answers before its write is durable', { timeout: TIMEOUT_MS }, async () => {
    const s = await runCrashRounds({ entry: 'tests/crash/unsafeServer.ts', rounds: ROUNDS, seed: SEED });
    console.log(describeRun('tests/crash/unsafeServer.ts', s), '\n  e.g.', [...s.lost.slice(0, 3), ...s.refusals.slice(0, 2)].join('\n  '));
    expect(s.kills).toBe(ROUNDS);
    expect(s.lost.length, 'the harness missed the lost writes of a server that acknowledges before saving').toBeGreaterThan(0);
  });
});
