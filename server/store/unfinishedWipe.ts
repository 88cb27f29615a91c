// An erasure or a purge is finished once no file in the data folder holds what it removed: db.json
// is at or past it, and no journal segment holds a line from before it (scrub.ts). A stop at any
// moment in between (a crash, a power cut, a SIGKILL while the scrub's db.json was being written,
// a scrub that failed on a full disk) leaves it unfinished: memory, counts and exports show the
// data gone while db.json, journal.prev.jsonl or journal.jsonl still hold every profile. Its event
// is durable by then, so a start can tell, and finishes the wipe before it serves anyone
// (liveStore.ts). Where each file stands is explained in compaction.ts.
//
// The test, with W the seq of the last wipe on disk:
//   db.json's seq < W                              → db.json still holds what W removed
//   journal.prev.jsonl starts before W             → it holds lines from before W
//   journal.jsonl starts before W                  → likewise (a rotation that failed)
// W itself comes from db.json (lastWipeSeq) and from the segments' lines, all of which are parsed
// at start except journal.prev.jsonl's when db.json covers it. That one is read whole only when
// db.json is too old to carry lastWipeSeq, once: the next snapshot writes it.
import { firstSeqOf, PREV_JOURNAL_FILE, type Segment } from './journalReader.ts';
import type { StoreIo } from './io.ts';
import { reason, unfinishedWipeMessage } from './messages.ts';
import type { SnapshotRead } from './snapshot.ts';
import type { Store } from './store.ts';

/** Whether journal.prev.jsonl must be read whole to know the last wipe: db.json does not say. */
export const lastWipeUnknown = (read: SnapshotRead): boolean => read.kind === 'ok' && read.snapshot.lastWipeSeq === undefined;

export interface WipeOnDisk {
  /** The seq of the last erasure or purge on disk (0: none). */
  lastWipeSeq: number;
  /** Whether a file still holds what it removed. */
  unfinished: boolean;
}

/**
 * `prev` and `live` are the segments as read (undefined if missing, or, for prev, not read because
 * db.json covers it and says its last wipe); `prevLastSeq` is prev's last seq however it was found.
 */
export async function wipeOnDisk(io: StoreIo, dir: string, files: {
  read: SnapshotRead;
  prev: Segment | undefined;
  prevLastSeq: number;
  live: Segment | undefined;
}): Promise<WipeOnDisk> {
  const { read, prev, prevLastSeq, live } = files;
  const base = read.kind === 'ok' ? read.snapshot.seq : 0;
  const lastWipeSeq = Math.max(read.kind === 'ok' ? read.snapshot.lastWipeSeq ?? 0 : 0, prev?.lastWipeSeq ?? 0, live?.lastWipeSeq ?? 0);
  if (lastWipeSeq === 0) return { lastWipeSeq, unfinished: false };
  // A head that does not read as a line counts as seq 1, "before": the scrub removes the file anyway.
  const prevFirstSeq = prevLastSeq === 0 ? undefined : prev?.firstSeq ?? (await firstSeqOf(io, dir, PREV_JOURNAL_FILE)) ?? 1;
  const startsBefore = (firstSeq: number | undefined) => firstSeq !== undefined && firstSeq > 0 && firstSeq < lastWipeSeq;
  return { lastWipeSeq, unfinished: base < lastWipeSeq || startsBefore(prevFirstSeq) || startsBefore(live?.firstSeq) };
}

/**
 * Finishes the wipe at start, before the store is handed out. If the disk refuses, the start is
 * refused too: serving would show a fair without the data while its files still hold it.
 */
export async function finishWipe(store: Store, dir: string, log: (line: string) => void): Promise<void> {
  log(`An erasure or purge was stopped before its data left every file in ${dir}; wiping it now, before serving.`);
  try {
    await store.scrub();
  } catch (error) {
    await store.close().catch(() => undefined);
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    throw new Error(unfinishedWipeMessage(dir, reason(cause)), { cause: error });
  }
  log(`Wiped: no file in ${dir} holds the erased or purged data any more.`);
}
