// Snapshot and journal compaction: once db.json holds seq S, the records ≤ S are no longer needed
// to start, so the journal is cut there and start-up reads db.json plus only the records past S.
//
// The files:
//   db.json             the fair as of seq S, written only once every record ≤ S is durable
//   journal.jsonl       the live segment: the records appended since the last rotation
//   journal.prev.jsonl  the segment before it: one backup, kept until the next rotation
//
// One snapshot, in order:
//   0. only if db.json already holds everything in journal.prev.jsonl: unlink that older backup,
//      if there is one
//   1. capture memory at seq S: a shallow copy of each collection, synchronously, so one consistent
//      picture (apply replaces entities, never changes them, so the copies keep seq S's entities)
//   2. once every record ≤ S is durable, and only on step 0's condition: rename journal.jsonl →
//      journal.prev.jsonl, create a fresh journal.jsonl, fsync the folder; later records go there
//   3. write .db.json.tmp (serialised over many turns of the event loop, while commits go on),
//      fdatasync, rename it over db.json, fsync the folder
//
// A crash or power cut at each point, with db.json@S0 the previous snapshot:
//   before 0            db.json@S0, prev ≤ S0, journal S0+1…    → replay the journal past S0
//   after 0, before 2   db.json@S0, journal S0+1…               → the same
//   in 2, renamed but no new journal.jsonl yet
//                       db.json@S0, prev S0+1…S, no journal     → replay prev past S0; open creates the journal
//   after 2, before 3's rename (a stray .db.json.tmp is ignored, and overwritten by the next snapshot)
//                       db.json@S0, prev S0+1…S, journal S+1…   → replay prev past S0, then the journal
//   after 3's rename    db.json@S, prev S0+1…S, journal S+1…    → replay the journal; of prev only the
//                       last line is read, to see that it can be skipped
// The first snapshot is the same with no db.json (S0 = 0): prev then starts at seq 1.
// Renames are atomic, so db.json is always one whole snapshot, old or new. The older backup goes in
// step 0, before db.json@S exists; db.json@S0 covers it. What must never go is a record that no
// db.json on disk covers: so steps 0 and 2 are skipped while journal.prev.jsonl ends past db.json's
// seq (a snapshot failed after its rotation), and the next snapshot rotates again. Step 0 comes
// before the capture, never between it and step 2: the records committed meanwhile would go into
// the rotated segment, past the S that db.json@S covers.
// Failures that are not crashes: a failed rename changes nothing, and the journal just keeps
// growing; failing to create or sync the new journal.jsonl counts as a failed write (refuse the
// queued commits and reload memory from disk, see liveStore.ts); a failed db.json write leaves
// the old one and is retried later.
// A damaged db.json can be rebuilt only while a segment still starts at seq 1: until the second rotation.
import path from 'node:path';
import type { FairState } from '../domain/types.ts';
import { entitiesRead } from './entitiesOnDisk.ts';
import { dropInSteps, type StoreIo } from './io.ts';
import type { JournalWriter } from './journal.ts';
import { PREV_JOURNAL_FILE } from './journalReader.ts';
import type { AppliedKeys } from './record.ts';
import { SNAPSHOT_FILE, SnapshotAdapter } from './snapshot.ts';
import { captureSnapshot } from './snapshotWriter.ts';

/** What the file store holds in memory; a reload after a failed write replaces all of it. */
export interface Live {
  state: FairState;
  applied: AppliedKeys;
  /** The last seq applied to memory. */
  seq: number;
  /** The seq of the last durable db.json (0: none, or a damaged one). */
  snapshotSeq: number;
  /** The last seq in journal.prev.jsonl (0: none). */
  prevLastSeq: number;
  /** The seq of the last record that erased a student or purged the fair (0: none); db.json keeps it. */
  lastWipeSeq: number;
  journal: JournalWriter;
  /** Counts failed writes; a snapshot begun before one is dropped, the reload takes over. */
  generation: number;
}

/**
 * Steps 0–3 above. Resolves true once db.json holds the seq memory had when it began, false if it
 * was dropped for a failed write; rejects if db.json could not be written.
 */
export async function takeSnapshot(io: StoreIo, dir: string, live: Live): Promise<boolean> {
  // db.json's entities that the start left on disk first: the snapshot replaces the file they are read from, and frees its blocks.
  await entitiesRead(path.join(dir, SNAPSHOT_FILE));
  const { generation } = live;
  const rotate = live.prevLastSeq <= live.snapshotSeq;
  // The backup that step 2 drops goes first, a few MB at a time, while commits are still written:
  // the rename would free its blocks (50 MB at 100,000 introductions) itself, ~11 ms in which no
  // commit is saved. db.json covers it, so the folder stays one that starts without it.
  const prev = path.join(dir, PREV_JOURNAL_FILE);
  if (rotate && live.prevLastSeq > 0) await dropInSteps(io, prev, () => io.rm(prev)).catch(() => undefined);
  const { journal, seq } = live;
  const snapshot = captureSnapshot(seq, live.state, live.applied, live.lastWipeSeq);

  const rotated = await journal.checkpoint(rotate).catch(() => undefined);
  if (rotated === undefined || live.generation !== generation) return false;
  if (rotated) live.prevLastSeq = seq;

  // Between slices the writer waits for the commits queued meanwhile: their answers come first.
  await new SnapshotAdapter(io, dir, { commitsSaved: () => journal.drained() }).write(snapshot);
  live.snapshotSeq = seq;
  return true;
}
