// Scrubbing: making data that left memory (an erased student, a purged fair) leave the disk too.
// The journal holds every event ever recorded, profiles included, and journal.prev.jsonl keeps the
// segment before it as a backup (compaction.ts). A scrub writes db.json at the current seq S, so
// that no record ≤ S is needed any more, and then removes all of them:
//   1. takeSnapshot (compaction.ts): capture memory at S, once every record ≤ S is durable rotate
//      journal.jsonl to journal.prev.jsonl, write db.json@S. Later commits go to a fresh journal.jsonl.
//      If a failed snapshot left a backup that db.json did not cover yet, that snapshot skips the
//      rotation; the second one then rotates.
//   2. check that journal.jsonl now starts past S (a rename that failed leaves it whole);
//   3. unlink journal.prev.jsonl and fsync the folder.
// A crash anywhere leaves a startable folder: before 3 it is an ordinary compacted one; after it,
// db.json@S plus a journal that starts at S+1. The old db.json and a stray .db.json.tmp are
// replaced by step 1's rename. A crash before 3 also leaves the data in the files while memory, at
// the next start, shows it gone: that start sees it (db.json's lastWipeSeq, the wipe events in the
// segments) and scrubs before it serves (unfinishedWipe.ts). What this cannot reach is a copy
// outside the folder (a backup).
import path from 'node:path';
import { takeSnapshot, type Live } from './compaction.ts';
import type { StoreIo } from './io.ts';
import { firstSeqOf, JOURNAL_FILE, PREV_JOURNAL_FILE } from './journalReader.ts';
import { StorageError } from './store.ts';

export const SCRUB_FAILED = 'The server could not wipe removed data from its files yet (the disk may be full or failing). Try again in a moment.';

/** Steps 1–3 above; `live` is the file store's memory, which step 1 updates. */
export async function scrubFiles(io: StoreIo, dir: string, live: Live): Promise<void> {
  try {
    for (let tries = 1; ; tries += 1) {
      const seq = live.seq; // takeSnapshot captures this seq, or a later one if it first waits for db.json to be read (entitiesRead)
      if (!(await takeSnapshot(io, dir, live))) throw new Error('a write failed while the snapshot was taken');
      const first = await firstSeqOf(io, dir, JOURNAL_FILE);
      if (first === undefined || first > seq) break;
      if (tries === 2) throw new Error(`${JOURNAL_FILE} still holds records up to seq ${seq}`);
    }
    await io.rm(path.join(dir, PREV_JOURNAL_FILE));
    await io.fsyncDir(dir);
    live.prevLastSeq = 0;
  } catch (error) {
    throw new StorageError(SCRUB_FAILED, { cause: error });
  }
}
