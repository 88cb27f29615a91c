// Snapshot and journal compaction: once db.json holds seq S, the records ≤ S are no longer needed
// to start, so the journal is cut there and start-up reads db.json plus only the records past S.
//
// The files:
//   db.json             the fair as of seq S, written only once every record ≤ S is durable
//   journal.jsonl       the live segment: the records appended since the last rotation
//   journal.prev.jsonl  the segment before it: one backup, kept until the next rotation
//
// One snapshot, in order:
//   1. capture memory at seq S: a shallow copy of each collection, synchronously, so one consistent
//      picture (apply replaces entities, never changes them, so the copies keep seq S's entities)
//   2. once every record ≤ S is durable, and only if db.json already holds everything in
//      journal.prev.jsonl: rename journal.jsonl → journal.prev.jsonl (atomically dropping the
//      older backup), create a fresh journal.jsonl, fsync the folder; later records go there
//   3. write .db.json.tmp (serialised over many turns of the event loop, while commits go on),
//      fdatasync, rename it over db.json, fsync the folder
//
// A crash or power cut at each point, with db.json@S0 the previous snapshot:
//   before 2            db.json@S0, prev ≤ S0, journal S0+1…    → replay the journal past S0
//   in 2, renamed but no new journal.jsonl yet
//                       db.json@S0, prev S0+1…S, no journal     → replay prev past S0; open creates the journal
//   after 2, before 3's rename (a stray .db.json.tmp is ignored, and overwritten by the next snapshot)
//                       db.json@S0, prev S0+1…S, journal S+1…   → replay prev past S0, then the journal
//   after 3's rename    db.json@S, prev S0+1…S, journal S+1…    → replay the journal; of prev only the
//                       last line is read, to see that it can be skipped
// The first snapshot is the same with no db.json (S0 = 0): prev then starts at seq 1.
// Renames are atomic, so db.json is always one whole snapshot, old or new. The older backup goes in
// step 2, before db.json@S exists; db.json@S0 covers it. What must never go is a record that no
// db.json on disk covers: so step 2 is skipped while journal.prev.jsonl ends past db.json's seq
// (a snapshot failed after its rotation), and the next snapshot rotates again.
// Failures that are not crashes: a failed rename changes nothing, and the journal just keeps
// growing; failing to create or sync the new journal.jsonl counts as a failed write (refuse the
// queued commits and reload memory from disk, see liveStore.ts); a failed db.json write leaves
// the old one and is retried later.
// A damaged db.json can be rebuilt only while a segment still starts at seq 1: until the second rotation.
import type { FairState } from '../domain/types.ts';
import type { StoreIo } from './io.ts';
import type { JournalWriter } from './journal.ts';
import type { AppliedKeys } from './record.ts';
import { SnapshotAdapter } from './snapshot.ts';
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
 * Steps 1–3 above. Resolves true once db.json holds the seq memory had when it began, false if it
 * was dropped for a failed write; rejects if db.json could not be written.
 */
export async function takeSnapshot(io: StoreIo, dir: string, live: Live): Promise<boolean> {
  const { generation, journal, seq } = live;
  const snapshot = captureSnapshot(seq, live.state, live.applied, live.lastWipeSeq);

  const rotated = await journal.checkpoint(live.prevLastSeq <= live.snapshotSeq).catch(() => undefined);
  if (rotated === undefined || live.generation !== generation) return false;
  if (rotated) live.prevLastSeq = seq;

  // Between slices the writer waits for the commits queued meanwhile: their answers come first.
  await new SnapshotAdapter(io, dir, { commitsSaved: () => journal.drained() }).write(snapshot);
  live.snapshotSeq = seq;
  return true;
}
