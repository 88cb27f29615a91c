// The file store's memory, kept equal to what is on disk. A commit is applied to memory at once
// (the next decision must see it) and acknowledged once durable. If a write fails, that batch and
// every commit queued after it (decided on top of it) are refused, and memory is reloaded from
// disk: refused actions never linger in `state`, and no snapshot can save them after all.
import path from 'node:path';
import { takeSnapshot, type Live } from './compaction.ts';
import type { StoreIo } from './io.ts';
import type { JournalWriter } from './journal.ts';
import type { DataFolderLock } from './lock.ts';
import { CLOSED_MESSAGE, SAVE_FAILED_MESSAGE } from './messages.ts';
import { applyRecord, toJournalLine } from './record.ts';
import { recover, type Recovered } from './recover.ts';
import { SNAPSHOT_FILE } from './snapshot.ts';
import { scrubFiles } from './scrub.ts';
import { scheduleSnapshots, type SnapshotPolicy } from './snapshotPolicy.ts';
import { StorageError, type CommitRecord, type Store } from './store.ts';

/** Failed writes in a row wait at most this long before the disk is tried again. */
const MAX_RETRY_AFTER_FAILURE_MS = 30_000;
/** How soon a reload that failed (the disk cannot even be read) is tried again. */
const RELOAD_RETRY_MS = 1_000;

export interface LiveStoreDeps {
  dir: string;
  io: StoreIo;
  log: (line: string) => void;
  lock: DataFolderLock;
  recovered: Recovered;
  policy: SnapshotPolicy;
  retryAfterFailureMs: number;
  openJournal: (validBytes: number, onFailure: () => void) => Promise<JournalWriter>;
}

export async function openLiveStore(deps: LiveStoreDeps): Promise<Store> {
  const { dir, io, log } = deps;
  const { journalBytes, ...recovered } = deps.recovered;
  const live: Live = { ...recovered, journal: await deps.openJournal(journalBytes, onWriteFailure), generation: 0 };
  /** Idempotency keys of commits not yet durable; the ones refused by a failure are hidden until the reload. */
  const inFlight = new Set<string>();
  let refusedKeys: Set<string> | undefined;
  let memoryMatchesDisk = true;
  let failuresInARow = 0;
  let refuseUntilMs = 0; // on the monotonic clock (performance.now)
  let reloading: Promise<void> | undefined;
  let snapshotting: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  /** A scrub asked for but not begun yet (see scrub). */
  let nextScrub: Promise<void> | undefined;
  const scheduler = scheduleSnapshots(deps.policy, () => void snapshot());
  scheduler.changed(live.seq - live.snapshotSeq); // a long replayed tail, or a db.json rebuilt from the journal

  function snapshot(): Promise<void> {
    if (snapshotting !== undefined || !memoryMatchesDisk || live.seq === live.snapshotSeq) return snapshotting ?? Promise.resolve();
    snapshotting = takeSnapshot(io, dir, live)
      .then(ignore, (error: unknown) => {
        log(`Could not write ${path.join(dir, SNAPSHOT_FILE)}: ${(error as Error).message}. The journal still holds everything; trying again later.`);
        scheduler.failed();
      })
      .finally(() => {
        snapshotting = undefined;
        scheduler.changed(live.seq - live.snapshotSeq); // what came in meanwhile waits for the next one
      });
    return snapshotting;
  }

  /** Called by the journal, synchronously, before it delivers the refusals. */
  function onWriteFailure(): void {
    live.generation += 1;
    failuresInARow += 1;
    memoryMatchesDisk = false;
    refusedKeys = new Set(inFlight);
    log(`Reloading the fair from ${dir} so that memory holds only what is on disk; refusing changes until then.`);
    reloading ??= reload().finally(() => (reloading = undefined));
  }

  async function reload(): Promise<void> {
    await snapshotting; // it sees the new generation and stops before writing
    await live.journal.close().catch(ignore);
    for (;;) {
      try {
        const { journalBytes, ...recovered } = await recover(io, dir, log);
        Object.assign(live, recovered, { journal: await deps.openJournal(journalBytes, onWriteFailure) });
        break;
      } catch (error) {
        log(`Could not reload ${dir}: ${(error as Error).message} Refusing changes; trying again in ${RELOAD_RETRY_MS} ms.`);
        if (closing !== undefined) return;
        await new Promise((resolve) => setTimeout(resolve, RELOAD_RETRY_MS).unref());
      }
    }
    memoryMatchesDisk = true;
    refusedKeys = undefined;
    // A disk that fails again at once (still full) is given time, rather than re-read at every commit.
    const waitMs = failuresInARow < 2 ? 0 : Math.min(deps.retryAfterFailureMs * 2 ** (failuresInARow - 2), MAX_RETRY_AFTER_FAILURE_MS);
    refuseUntilMs = performance.now() + waitMs;
    log(`Reloaded the fair from ${dir} (up to seq ${live.seq}); accepting changes again${waitMs > 0 ? ` in ${waitMs} ms` : ''}.`);
    scheduler.changed(live.seq - live.snapshotSeq);
  }

  return {
    get state() {
      return live.state; // a new object after a reload: callers read it each time
    },

    // Not async: the events must be in `state` before this returns, for the next decision.
    commit(record: CommitRecord): Promise<void> {
      if (closing !== undefined) return Promise.reject(new StorageError(CLOSED_MESSAGE));
      if (!memoryMatchesDisk || performance.now() < refuseUntilMs) return Promise.reject(new StorageError(SAVE_FAILED_MESSAGE));
      let line: string;
      try {
        line = toJournalLine(live.seq + 1, record);
      } catch (error) {
        return Promise.reject(error); // not JSON-serialisable: a bug in the caller; memory untouched
      }
      live.seq += 1;
      applyRecord(live.state, live.applied, record);
      const { key } = record;
      if (key !== undefined) inFlight.add(key);
      const saved = live.journal.append(line);
      void saved.then(() => (failuresInARow = 0), ignore).finally(() => key !== undefined && inFlight.delete(key));
      scheduler.changed(live.seq - live.snapshotSeq);
      return saved;
    },

    applied(key: string): unknown {
      // A refused action must not be answered as done while memory still holds it.
      return refusedKeys?.has(key) === true ? undefined : live.applied.get(key);
    },

    scrub(): Promise<void> {
      // Callers that come before the next scrub has begun share it: a burst of erasures (or a
      // student repeating one) costs one full snapshot, not one each.
      if (nextScrub !== undefined) return nextScrub;
      const mine: Promise<void> = (async () => {
        await null; // so that `nextScrub` is set below before the loop can clear it
        // One writer of db.json and the segments at a time: wait out a snapshot or reload under way.
        while (snapshotting !== undefined || reloading !== undefined) {
          await reloading;
          await snapshotting;
        }
        nextScrub = undefined; // begun: it captures memory now, so a later caller needs the next one
        if (closing !== undefined) throw new StorageError(CLOSED_MESSAGE);
        if (!memoryMatchesDisk) throw new StorageError(SAVE_FAILED_MESSAGE);
        const scrubbed = scrubFiles(io, dir, live);
        snapshotting = scrubbed.then(ignore, ignore).finally(() => {
          snapshotting = undefined;
          scheduler.changed(live.seq - live.snapshotSeq);
        });
        await scrubbed;
      })();
      nextScrub = mine;
      return mine;
    },

    close(): Promise<void> {
      closing ??= (async () => {
        scheduler.stop();
        do {
          await reloading;
          await snapshotting;
          await live.journal.drained();
        } while (reloading !== undefined);
        try {
          await snapshot();
          await live.journal.close();
        } finally {
          await deps.lock.release();
        }
      })();
      return closing;
    },
  };
}

function ignore(): void {}
