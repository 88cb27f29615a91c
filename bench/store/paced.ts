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

export interface PacedRun {
  /** performance.now() when write 0 was due; write i is due `i * intervalMs` later. */
  start: number;
  intervalMs: number;
  /** From when each write was due: a stalled loop counts against the writer (no coordinated omission). */
  latencies: number[];
  /** From when each write was actually started. */
  serviceTimes: number[];
  lateStarts: number;
}

export async function paced({ seconds, perSecond }: PacedArgs, write: (i: number) => Promise<unknown>): Promise<PacedRun> {
  const count = seconds * perSecond;
  const intervalMs = 1000 / perSecond;
  const latencies = new Array<number>(count).fill(Number.NaN);
  const serviceTimes = new Array<number>(count).fill(Number.NaN);
  const inFlight: Promise<unknown>[] = [];
  let lateStarts = 0;
  const start = performance.now() + intervalMs;
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs;
    await until(due);
    const startedAt = performance.now();
    if (startedAt - due > LATE_START_MS) lateStarts += 1;
    inFlight.push(write(i).then(() => {
      const now = performance.now();
      latencies[i] = now - due;
      serviceTimes[i] = now - startedAt;
    }));
  }
  await Promise.all(inFlight);
  return { start, intervalMs, latencies, serviceTimes, lateStarts };
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
