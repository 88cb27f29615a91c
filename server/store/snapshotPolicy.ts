// When db.json is rewritten. A snapshot holds the event loop only while it copies the entities of
// each collection and the applied keys (measured at 100,000 introductions on a 2-core VM: 3-12 ms);
// it then serialises and writes over many turns of a few milliseconds each (snapshotWriter.ts).
// Still, it must be rare while people are waiting, yet frequent enough that a start replays
// little. Every SNAPSHOT_EVERY_RECORDS records bounds the replay at start (~0.1 s) and, at 100
// writes/s, delays about one write in 300: under the 1% that the durable-ack p99 budget looks at.
// A quiet moment costs nobody, so a snapshot is also taken then, at the latest SNAPSHOT_MAX_AGE_MS
// after a change, and on close.

export const SNAPSHOT_EVERY_RECORDS = 10_000;
const SNAPSHOT_IDLE_MS = 5_000;
const SNAPSHOT_MAX_AGE_MS = 5 * 60_000;
/** After a failed snapshot (disk full), the next try waits this long instead of at every commit. */
const SNAPSHOT_RETRY_MS = 30_000;

export interface SnapshotPolicy {
  everyRecords: number;
  idleMs: number;
  maxAgeMs: number;
  retryMs: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = {
  everyRecords: SNAPSHOT_EVERY_RECORDS,
  idleMs: SNAPSHOT_IDLE_MS,
  maxAgeMs: SNAPSHOT_MAX_AGE_MS,
  retryMs: SNAPSHOT_RETRY_MS,
};

export interface SnapshotScheduler {
  /** Call after each commit with the number of records not yet in db.json. */
  changed(pending: number): void;
  /** Call when a snapshot could not be written: the next try waits policy.retryMs. */
  failed(): void;
  stop(): void;
}

/** Calls `run` when a snapshot is due; `run` itself skips if one is already being written. */
export function scheduleSnapshots(policy: SnapshotPolicy, run: () => void): SnapshotScheduler {
  let idle: NodeJS.Timeout | undefined;
  let maxAge: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let due: NodeJS.Immediate | undefined;
  let notBeforeMs = 0; // on the monotonic clock: a laptop clock set back must not stop snapshots
  let stopped = false;

  const timer = (ms: number): NodeJS.Timeout => setTimeout(trigger, ms).unref(); // timers alone keep no process alive
  const clear = (): void => {
    for (const t of [idle, maxAge, retry]) clearTimeout(t);
    clearImmediate(due);
    idle = maxAge = retry = due = undefined;
  };

  function trigger(): void {
    if (stopped) return;
    const waitMs = notBeforeMs - performance.now();
    if (waitMs > 0) {
      // Re-armed every time: a timer may fire a fraction of a millisecond early.
      clearTimeout(retry);
      retry = timer(Math.ceil(waitMs));
      return;
    }
    clear();
    run();
  }

  return {
    changed(pending) {
      if (stopped || pending === 0) return;
      if (pending >= policy.everyRecords) {
        // Not inside the commit that crossed the line: after the current round of I/O.
        due ??= setImmediate(() => {
          due = undefined;
          trigger();
        });
        return;
      }
      // A snapshot that finished meanwhile took in what made one due: that call is stale now.
      clearImmediate(due);
      due = undefined;
      if (idle === undefined) idle = timer(policy.idleMs);
      else idle.refresh();
      maxAge ??= timer(policy.maxAgeMs);
    },
    failed() {
      notBeforeMs = performance.now() + policy.retryMs;
      clear();
      retry = timer(policy.retryMs);
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}
