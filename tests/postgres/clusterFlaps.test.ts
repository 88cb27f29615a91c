// The exactly-once suite past one machine: link flaps under load, every reconnect handed by the
// proxy to the other process, so an action resent after a cut is answered by the process that did
// not decide it. Afterwards each effect exists exactly once, as on one server.
import { afterEach, describe, expect, it } from 'vitest';
import { execute, type Execute } from '../../server/execute.ts';
import { disconnectAll } from '../helpers.ts';
import { FAIR_MORNING } from '../realtime/fixtures.ts';
import { checkExactlyOnce } from '../realtime/flaky/checker.ts';
import { runFlaps, type FlapPlan, type FlapRun } from '../realtime/flaky/run.ts';
import { startCluster, type TestCluster } from './cluster.ts';
import { hasCluster } from './database.ts';

const PLAN: FlapPlan = {
  booths: 3, phones: 16, rounds: 12, flapEveryMs: 250, cutShare: 0.25, cutAfterSendShare: 0.2, timeCapMs: 120_000,
};

/** TEST ONLY: the server forgets action ids, so a resent action is decided again. */
const withoutDedupe: Execute = (store, _key, decide, respond) => execute(store, undefined, decide, respond);

let cluster: TestCluster | undefined;
let run: FlapRun | undefined;
afterEach(async () => {
  for (const device of [...(run?.phones ?? []), ...(run?.tablets ?? [])]) device.close();
  run = undefined;
  disconnectAll();
  await cluster?.close();
});

describe.runIf(hasCluster)('exactly once over flapping links, on two processes', () => {
  it('applies every action once, empties every outbox, and leaves every tablet equal to the fair', async () => {
    cluster = await startCluster({ now: () => FAIR_MORNING });
    run = await runFlaps(cluster, PLAN);
    await cluster.store.turn!(); // the fair as every process committed it
    const problems = await checkExactlyOnce(cluster.url, cluster.store.state, run);
    console.log(`cluster flaps: ${run.cuts} cuts, ${run.resent} actions resent, connections per process ${cluster.handedTo.join('/')}, ${run.durationMs} ms`);
    expect(problems).toEqual([]);
    expect(run.cuts).toBeGreaterThan(20);
    expect(run.resent).toBeGreaterThan(5);
    expect(Math.min(...cluster.handedTo)).toBeGreaterThan(20);
  }, 120_000);

  it('negative control: the same run without dedupe is caught making duplicates', async () => {
    cluster = await startCluster({ now: () => FAIR_MORNING, execute: withoutDedupe });
    run = await runFlaps(cluster, PLAN);
    await cluster.store.turn!();
    const problems = await checkExactlyOnce(cluster.url, cluster.store.state, run);
    console.log(`cluster negative control: ${problems.length} problems; first: ${problems[0]}`);
    expect(problems.join('\n')).toMatch(/decided twice|exists 2 times/);
  }, 120_000);
});
