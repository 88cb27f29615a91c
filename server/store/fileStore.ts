// The durable store: a JSON-lines journal made durable before each "ok", plus a lowdb snapshot
// (db.json) every few seconds so a start replays only the journal past it.
import path from 'node:path';
import { ensureDataDir } from './dataDir.ts';
import { openJournalWriter, type JournalWriter } from './journal.ts';
import { acquireLock, type DataFolderLock } from './lock.ts';
import { CLOSED_MESSAGE, SAVE_FAILED_MESSAGE } from './messages.ts';
import { applyRecord, toJournalLine } from './record.ts';
import { recover, type Recovered } from './recover.ts';
import { serializeSnapshot, SNAPSHOT_FILE, writeSnapshotFile } from './snapshot.ts';
import { StorageError, type CommitRecord, type Store } from './store.ts';

export const SNAPSHOT_EVERY_MS = 5_000;

export interface FileStoreOptions {
  /** How often db.json is rewritten if anything changed. */
  snapshotEveryMs?: number;
  /** Where to report what the store did on its own (a dropped torn line, a failed write). */
  log?: (line: string) => void;
}

/**
 * Opens (or creates) the data folder `dir` and takes its lock. Throws an Error whose message is a
 * sentence for the organiser if the folder is in use, unwritable, or holds damaged data; in the
 * last case no file is changed.
 */
export async function openFileStore(dir: string, options: FileStoreOptions = {}): Promise<Store> {
  const log = options.log ?? ((line: string) => console.log(line));
  await ensureDataDir(dir);
  const lock = await acquireLock(dir, log);
  try {
    const recovered = await recover(dir, log);
    const journal = await openJournalWriter(dir, recovered.journalBytes, log);
    return createFileStore(dir, lock, journal, recovered, options.snapshotEveryMs ?? SNAPSHOT_EVERY_MS, log);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

function createFileStore(
  dir: string,
  lock: DataFolderLock,
  journal: JournalWriter,
  recovered: Recovered,
  snapshotEveryMs: number,
  log: (line: string) => void,
): Store {
  const { state, applied } = recovered;
  let seq = recovered.seq;
  let snapshotSeq = recovered.snapshotSeq;
  let snapshotting: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let pausedSnapshotsLogged = false;

  const timer = setInterval(() => void snapshot(), snapshotEveryMs);
  timer.unref(); // the snapshot timer alone must not keep the process alive

  /** Writes db.json if anything changed since the last one; one write at a time. */
  function snapshot(): Promise<void> {
    if (seq === snapshotSeq || snapshotting !== undefined) return snapshotting ?? Promise.resolve();
    snapshotting = writeSnapshot().finally(() => {
      snapshotting = undefined;
    });
    return snapshotting;
  }

  async function writeSnapshot(): Promise<void> {
    // Serialised now, at one seq; written only once the journal holds that seq durably, so
    // db.json is never ahead of the journal.
    const upTo = seq;
    const text = serializeSnapshot({ seq: upTo, state, applied: Object.fromEntries(applied) });
    await journal.drained();
    if (journal.failed) {
      // Memory still holds actions that were refused; a snapshot would save them after all.
      if (!pausedSnapshotsLogged) log(`Not updating ${path.join(dir, SNAPSHOT_FILE)} until restart: memory holds actions that could not be saved. The journal is complete.`);
      pausedSnapshotsLogged = true;
      return;
    }
    try {
      await writeSnapshotFile(dir, text);
      snapshotSeq = upTo;
    } catch (error) {
      log(`Could not write ${path.join(dir, SNAPSHOT_FILE)}: ${(error as Error).message}. The journal still holds everything; trying again later.`);
    }
  }

  return {
    get state() {
      return state;
    },

    // Not async: the events must be in `state` before this returns, for the next decision.
    commit(record: CommitRecord): Promise<void> {
      if (closing !== undefined) return Promise.reject(new StorageError(CLOSED_MESSAGE));
      if (journal.broken) return Promise.reject(new StorageError(SAVE_FAILED_MESSAGE));
      let line: string;
      try {
        line = toJournalLine(seq + 1, record);
      } catch (error) {
        return Promise.reject(error); // not JSON-serialisable: a bug in the caller; memory untouched
      }
      seq += 1;
      applyRecord(state, applied, record);
      return journal.append(line);
    },

    applied(key: string): unknown {
      return applied.get(key);
    },

    close(): Promise<void> {
      closing ??= (async () => {
        clearInterval(timer);
        await snapshotting;
        await journal.drained();
        try {
          await snapshot();
          await journal.close();
        } finally {
          await lock.release();
        }
      })();
      return closing;
    },
  };
}
