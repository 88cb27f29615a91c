// Writes at a steady rate, the way 100 phones a second would arrive, whatever the writer does.
import { percentile } from '../numbers.ts';

/** Sleep until this close to the due time, then poll with setImmediate: timers are ~1 ms late, an fdatasync here takes less. */
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

export async function paced({ seconds, perSecond }: PacedArgs, write: (i: number) => Promise<void>): Promise<PacedRun> {
  const count = seconds * perSecond;
  const intervalMs = 1000 / perSecond;
  const latencies = new Array<number>(count).fill(Number.NaN);
  const serviceTimes = new Array<number>(count).fill(Number.NaN);
  const inFlight: Promise<void>[] = [];
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

/**
 * Resolves at `due`. The poll is a plain setImmediate callback: a promise a turn made ~150 MB/s of
 * garbage and ~12 scavenges a second in the measured process (1–2 ms each on the store's 400 MB
 * heap, 0.3 ms on the bare writer's small one); this makes about a third of that (traced with
 * --trace-gc and the sampling heap profiler). What remains still costs the store more than the
 * bare writer. A precise blocking sleep (Atomics.wait) allocates nothing, but lets the CPU go idle
 * before each write, which made both writers ~0.3 ms slower and their ratio no different.
 */
function until(due: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = (): void => void (performance.now() >= due ? resolve() : setImmediate(poll));
    const early = due - performance.now() - POLL_BEFORE_DUE_MS;
    if (early > 0) setTimeout(poll, early);
    else poll();
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
