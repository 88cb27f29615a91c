// Link flaps under load: connections cut every few hundred ms while phones ask and tablets answer,
// every action resent with its own id until answered. Afterwards each effect exists exactly once.
// The negative control runs the same plan and checker against a server whose dedupe is switched
// off (a test-only `execute`), and must be caught.
import { afterEach, describe, expect, it } from 'vitest';
import { execute, type Execute } from '../../server/execute.ts';
import { disconnectAll, startServer, type TestServer } from '../helpers.ts';
import { FAIR_MORNING } from './fixtures.ts';
import { checkExactlyOnce } from './flaky/checker.ts';
import { runFlaps, type FlapPlan, type FlapRun } from './flaky/run.ts';

const PLAN: FlapPlan = {
  booths: 3, phones: 16, rounds: 12, flapEveryMs: 250, cutShare: 0.25, cutAfterSendShare: 0.2, timeCapMs: 120_000,
};

/** TEST ONLY: the server forgets action ids, so a resent action is decided again. */
const withoutDedupe: Execute = (store, _key, decide, respond) => execute(store, undefined, decide, respond);

let server: TestServer;
let run: FlapRun | undefined;
afterEach(async () => {
  for (const device of [...(run?.phones ?? []), ...(run?.tablets ?? [])]) device.close();
  run = undefined;
  disconnectAll();
  await server.close();
});

describe('exactly once over flapping links', () => {
  it('applies every action once, empties every outbox, and leaves every tablet equal to the server', async () => {
    server = await startServer({ now: () => FAIR_MORNING });
    run = await runFlaps(server, PLAN);
    const problems = await checkExactlyOnce(server.url, server.store.state, run);
    console.log(`flaps: ${run.cuts} cuts, ${run.resent} actions resent, ${run.durationMs} ms`);
    expect(problems).toEqual([]);
    expect(run.cuts).toBeGreaterThan(20);
    expect(run.resent).toBeGreaterThan(5); // the cuts did land between a send and its answer
  }, 60_000);

  it('negative control: the same run without dedupe on the server is caught making duplicates', async () => {
    server = await startServer({ now: () => FAIR_MORNING, execute: withoutDedupe });
    run = await runFlaps(server, PLAN);
    const problems = await checkExactlyOnce(server.url, server.store.state, run);
    const doubled = problems.filter((p) => p.includes(' exists ')).length;
    console.log(`negative control: ${problems.length} problems, ${doubled} requests made twice; first: ${problems[0]}`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/decided twice|exists 2 times/);
  }, 60_000);
});
