// The durable store: a JSON-lines journal made durable before each "ok", plus a lowdb snapshot
// (db.json) now and then so a start replays only the journal past it (compaction.ts).
import { ensureDataDir } from './dataDir.ts';
import { DEFER_FROM_BYTES } from './entitiesOnDisk.ts';
import { nodeIo, type StoreIo } from './io.ts';
import { openJournalWriter } from './journal.ts';
import { openLiveStore } from './liveStore.ts';
import { acquireLock } from './lock.ts';
import { keepOwnerOnly } from './ownerOnly.ts';
import { recover } from './recover.ts';
import { DEFAULT_SNAPSHOT_POLICY, type SnapshotPolicy } from './snapshotPolicy.ts';
import type { Store } from './store.ts';

/** After a failed write that follows another, commits are refused this long before the disk is tried again. */
const RETRY_AFTER_FAILURE_MS = 1_000;

export interface FileStoreOptions {
  /** Where to report what the store did on its own (a dropped torn line, a failed write). */
  log?: (line: string) => void;
  /** The file operations; tests pass ones that fail or freeze on purpose. */
  io?: StoreIo;
  /** When db.json is rewritten; tests make it frequent. */
  snapshot?: Partial<SnapshotPolicy>;
  /** The first wait after repeated failed writes; it doubles per failure in a row (see liveStore.ts). */
  retryAfterFailureMs?: number;
  /** The clock the applied keys age by (KeptKeys in record.ts); tests move it on by hours. */
  now?: () => number;
  /**
   * From this size of db.json on, its students and introductions are read at first use
   * (entitiesOnDisk.ts); tests lower it. Never with a test's `io`: those reads go to the real file.
   */
  deferEntitiesFromBytes?: number;
}

/**
 * Opens (or creates) the data folder `dir` and takes its lock. Throws an Error whose message is a
 * sentence for the organiser if the folder is in use, unwritable, or holds damaged data; in the
 * last case no file is changed.
 */
export async function openFileStore(dir: string, options: FileStoreOptions = {}): Promise<Store> {
  const log = options.log ?? ((line: string) => console.log(line));
  const io = options.io ?? nodeIo;
  await ensureDataDir(dir);
  const lock = await acquireLock(dir, log);
  try {
    await keepOwnerOnly(io, dir, log); // after the lock: that file is tightened too
    const read = { deferFromBytes: options.io === undefined ? (options.deferEntitiesFromBytes ?? DEFER_FROM_BYTES) : undefined };
    const recovered = await recover(io, dir, log, read);
    return await openLiveStore({
      dir,
      io,
      log,
      lock,
      recovered,
      policy: { ...DEFAULT_SNAPSHOT_POLICY, ...options.snapshot },
      retryAfterFailureMs: options.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS,
      now: options.now ?? Date.now,
      openJournal: (validBytes, onFailure) => openJournalWriter(validBytes, { io, dir, log, onFailure }),
      read,
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
}
