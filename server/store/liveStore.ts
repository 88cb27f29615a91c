// The file store's memory, kept equal to what is on disk. A commit is applied to memory at once
// (the next decision must see it) and acknowledged once durable. If a write fails, that batch and
// every commit queued after it (decided on top of it) are refused, and memory is reloaded from
// disk: refused actions never linger in `state`, and no snapshot can save them after all.
import path from 'node:path';
import { takeSnapshot, type Live } from './compaction.ts';
import { entitiesRead } from './entitiesOnDisk.ts';
import type { StoreIo } from './io.ts';
import type { JournalWriter } from './journal.ts';
import type { DataFolderLock } from './lock.ts';
import { CLOSED_MESSAGE, SAVE_FAILED_MESSAGE } from './messages.ts';
import { applyRecord, KeptKeys, SavingKeys, toJournalLine } from './record.ts';
import { recover, type Recovered } from './recover.ts';
import { SNAPSHOT_FILE, type ReadOptions } from './snapshot.ts';
import { finishWipe } from './unfinishedWipe.ts';
import { scrubFiles } from './scrub.ts';
import { scheduleSnapshots, type SnapshotPolicy } from './snapshotPolicy.ts';
import { wipesPersonalData } from '../domain/privacyEvents.ts';
import type { Change } from '../domain/types.ts';
import { StorageError, type Applied, type CommitRecord, type Store } from './store.ts';

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
  /** The clock the applied keys age by (KeptKeys). */
  now: () => number;
  openJournal: (validBytes: number, onFailure: () => void) => Promise<JournalWriter>;
  /** How a reload reads db.json, as the start did. */
  read: ReadOptions;
}

/**
 * Whether memory holds what is on disk. After a failed write it does not until `reload` has read
 * the disk again: meanwhile every commit is refused, and the keys of the refused ones read as not
 * applied. One value, so no combination of flags can say two things at once.
 */
type Memory =
  /** Accepting commits, or, after failures in a row, not before `refuseUntilMs` (performance.now). */
  | { matchesDisk: true; refuseUntilMs: number }
  /** `reloaded` resolves true once memory is the disk's again, false if the reload gave up (closing). */
  | { matchesDisk: false; refusedKeys: ReadonlySet<string>; reloaded: Promise<boolean> };

export async function openLiveStore(deps: LiveStoreDeps): Promise<Store> {
  const { dir, io, log } = deps;
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  /** What recovery read, as memory keeps it: the applied keys for their time, the journal open. */
  const liveParts = async ({ journalBytes, wipeUnfinished: _, ...recovered }: Recovered) =>
    ({ ...recovered, applied: new KeptKeys(recovered.applied, deps.now), journal: await deps.openJournal(journalBytes, onWriteFailure) });
  const { wipeUnfinished } = deps.recovered;
  const live: Live = { ...(await liveParts(deps.recovered)), generation: 0 };
  let memory: Memory = { matchesDisk: true, refuseUntilMs: 0 };
  let failuresInARow = 0;
  /** Keys of commits applied to memory and not yet durable: whether each one was saved. */
  const saving = new SavingKeys();
  /** The one writer of db.json and the journal's segments at a time: a snapshot or a scrub. */
  let writing: Promise<void> | undefined;
  /** A scrub asked for but not begun yet (see scrub). */
  let nextScrub: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  const scheduler = scheduleSnapshots(deps.policy, () => void snapshot());
  scheduler.changed(live.seq - live.snapshotSeq); // a long replayed tail, or a db.json rebuilt from the journal

  function snapshot(): Promise<void> {
    if (writing !== undefined || !memory.matchesDisk || live.seq === live.snapshotSeq) return writing ?? Promise.resolve();
    writing = takeSnapshot(io, dir, live)
      .then(ignore, (error: unknown) => {
        log(`Could not write ${snapshotFile}: ${(error as Error).message}. The journal still holds everything; trying again later.`);
        scheduler.failed();
      })
      .finally(() => {
        writing = undefined;
        scheduler.changed(live.seq - live.snapshotSeq); // what came in meanwhile waits for the next one
      });
    return writing;
  }

  /** Called by the journal, synchronously, before it delivers the refusals. */
  function onWriteFailure(): void {
    live.generation += 1;
    failuresInARow += 1;
    const refused = saving.keys(); // the failed batch and every commit queued after it
    log(`Reloading the fair from ${dir} so that memory holds only what is on disk; refusing changes until then.`);
    memory = memory.matchesDisk
      ? { matchesDisk: false, refusedKeys: new Set(refused), reloaded: reload() }
      : { ...memory, refusedKeys: new Set([...memory.refusedKeys, ...refused]) };
  }

  async function reload(): Promise<boolean> {
    await writing; // a snapshot sees the new generation and stops before writing
    await live.journal.close().catch(ignore);
    for (;;) {
      try {
        // A wipe found unfinished here is left to a later scrub (its command asks for one) or the next start.
        Object.assign(live, await liveParts(await recover(io, dir, log, deps.read)));
        void entitiesRead(snapshotFile); // what the reload left on disk, read as after a start
        break;
      } catch (error) {
        log(`Could not reload ${dir}: ${(error as Error).message} Refusing changes; trying again in ${RELOAD_RETRY_MS} ms.`);
        if (closing !== undefined) return false;
        await new Promise((resolve) => setTimeout(resolve, RELOAD_RETRY_MS).unref());
      }
    }
    // A disk that fails again at once (still full) is given time, rather than re-read at every commit.
    const waitMs = failuresInARow < 2 ? 0 : Math.min(deps.retryAfterFailureMs * 2 ** (failuresInARow - 2), MAX_RETRY_AFTER_FAILURE_MS);
    memory = { matchesDisk: true, refuseUntilMs: performance.now() + waitMs };
    log(`Reloaded the fair from ${dir} (up to seq ${live.seq}); accepting changes again${waitMs > 0 ? ` in ${waitMs} ms` : ''}.`);
    scheduler.changed(live.seq - live.snapshotSeq);
    return true;
  }

  /** Waits until no reload or writer is under way; false if memory does not hold the disk (a reload gave up). */
  async function writerFree(): Promise<boolean> {
    for (;;) {
      if (!memory.matchesDisk) {
        if (!(await memory.reloaded)) return false;
      } else if (writing === undefined) return true;
      else await writing;
    }
  }

  const store: Store = {
    get state() {
      return live.state; // a new object after a reload: callers read it each time
    },

    // Not async: the events must be in `state` before this returns, for the next decision.
    commit(record: CommitRecord): Promise<Change[]> {
      if (closing !== undefined) return Promise.reject(new StorageError(CLOSED_MESSAGE));
      if (!memory.matchesDisk || performance.now() < memory.refuseUntilMs) return Promise.reject(new StorageError(SAVE_FAILED_MESSAGE));
      let line: string;
      try {
        line = toJournalLine(live.seq + 1, record);
      } catch (error) {
        return Promise.reject(error); // not JSON-serialisable: a bug in the caller; memory untouched
      }
      live.seq += 1;
      if (record.events.some(wipesPersonalData)) live.lastWipeSeq = live.seq;
      const changes = applyRecord(live.state, live.applied, record);
      const saved = live.journal.append(line);
      void saved.then(() => (failuresInARow = 0), ignore);
      saving.add(record.key, saved);
      scheduler.changed(live.seq - live.snapshotSeq);
      return saved.then(() => changes);
    },

    applied(key: string): Applied {
      // A refused action must not be answered as done while memory still holds it.
      if (!memory.matchesDisk && memory.refusedKeys.has(key)) return false;
      return saving.get(key) ?? live.applied.has(key);
    },

    afterStart() {
      void entitiesRead(snapshotFile);
    },

    scrub(): Promise<void> {
      // Callers that come before the next scrub has begun share it: a burst of erasures (or a
      // student repeating one) costs one full snapshot, not one each.
      if (nextScrub !== undefined) return nextScrub;
      const mine: Promise<void> = (async () => {
        await null; // so that `nextScrub` is set below before it can be cleared
        const matchesDisk = await writerFree();
        nextScrub = undefined; // begun: it captures memory now, so a later caller needs the next one
        if (closing !== undefined) throw new StorageError(CLOSED_MESSAGE);
        if (!matchesDisk) throw new StorageError(SAVE_FAILED_MESSAGE);
        const scrubbed = scrubFiles(io, dir, live);
        writing = scrubbed.then(ignore, ignore).finally(() => {
          writing = undefined;
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
        // Wait out the commits queued before the close; a failure among them starts one more reload.
        let matchesDisk = await writerFree();
        while (matchesDisk) {
          await live.journal.drained();
          if (memory.matchesDisk && writing === undefined) break;
          matchesDisk = await writerFree();
        }
        try {
          // Whether or not a snapshot is due: what still reads the state (an index's build) finds all of it.
          await entitiesRead(snapshotFile);
          if (matchesDisk) await snapshot();
          await live.journal.close();
        } finally {
          await deps.lock.release();
        }
      })();
      return closing;
    },
  };
  if (wipeUnfinished) await finishWipe(store, dir, log); // before anyone is served
  return store;
}

function ignore(): void {}
