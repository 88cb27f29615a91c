// Writes at a steady rate, the way 100 phones a second would arrive, whatever the writer does.
import { percentile } from '../numbers.ts';

/** A timer until this close to the due time, then naps: timers are up to ~1 ms late. */
const POLL_BEFORE_DUE_MS = 2;
/** A write that starts this late was held up by a busy event loop. */
const LATE_START_MS = 5;

export interface PacedArgs {
  seconds: number;
  perSecond: number;
}

/** A task run in another process: with `inBlocks`, it writes a block at a time as its parent asks (child.ts), `seconds` in all. */
export interface InBlocks {
  inBlocks?: boolean;
}

export interface PacedRun {
  /** performance.now() when the first write was due. */
  start: number;
  intervalMs: number;
  /** When each write was due: write i is due `intervalMs` after write i - 1 of its block. */
  dues: number[];
  /** From when each write was due: a stalled loop counts against the writer (no coordinated omission). */
  latencies: number[];
  /** From when each write was actually started. */
  serviceTimes: number[];
  lateStarts: number;
}

/**
 * Writes at `perSecond`, a block of seconds at a time, as many as `blocks` gives (`[seconds]`: one
 * run). The writes are numbered across blocks, so a run split in blocks writes what it would in
 * one. Between blocks the writer waits for the next, with nothing in flight: another writer on the
 * same disk takes its turn then (child.ts's `alternately`), so both meet the same disk, however
 * its speed drifts.
 */
export async function pacedInBlocks(perSecond: number, blocks: Iterable<number> | AsyncIterable<number>, write: (i: number) => Promise<unknown>): Promise<PacedRun> {
  const intervalMs = 1000 / perSecond;
  const run: PacedRun = { start: Number.NaN, intervalMs, dues: [], latencies: [], serviceTimes: [], lateStarts: 0 };
  for await (const seconds of blocks) {
    const inFlight: Promise<unknown>[] = [];
    const start = performance.now() + intervalMs;
    if (Number.isNaN(run.start)) run.start = start;
    for (let n = 0; n < Math.round(seconds * perSecond); n++) {
      const i = run.dues.length;
      const due = start + n * intervalMs;
      run.dues.push(due);
      await until(due);
      const startedAt = performance.now();
      if (startedAt - due > LATE_START_MS) run.lateStarts += 1;
      inFlight.push(write(i).then(() => {
        const now = performance.now();
        run.latencies[i] = now - due;
        run.serviceTimes[i] = now - startedAt;
      }));
    }
    await Promise.all(inFlight);
  }
  return run;
}

/** Atomics.wait's cell: never notified, so a wait on it is a sleep of the given length. */
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));
/** The last stretch is slept in naps this short: the CPU stays ready, as it is for a server under load. */
const NAP_MS = 0.05;

/**
 * Resolves at `due`: a timer to about POLL_BEFORE_DUE_MS before it, then naps of NAP_MS until it.
 * The naps allocate nothing. Polling with setImmediate allocated ~200 bytes a turn, tens of MB a
 * second in the measured process, and the scavenges it caused (1–2 ms each on the store's 400 MB
 * heap, 0.3 ms on the bare writer's small one) were the harness's cost, not the writer's (traced
 * with --trace-gc and the sampling heap profiler). One long Atomics.wait instead let the CPU idle
 * deeply before each write and made both writers ~0.3 ms slower. The naps hold the loop for at most
 * POLL_BEFORE_DUE_MS before each due time, the same for both writers.
 */
function until(due: number): Promise<void> {
  return new Promise((resolve) => {
    const nap = (): void => {
      for (let left = due - performance.now(); left > 0; left = due - performance.now()) Atomics.wait(SLEEPER, 0, 0, Math.min(left, NAP_MS));
      resolve();
    };
    const early = due - performance.now() - POLL_BEFORE_DUE_MS;
    if (early > 0) setTimeout(nap, early);
    else nap();
  });
}

export function summarise(run: PacedRun) {
  return {
    samples: run.latencies.length,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    max: percentile(run.latencies, 100),
    serviceP99: percentile(run.serviceTimes, 99),
    lateStarts: run.lateStarts,
  };
}
