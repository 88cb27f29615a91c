// Start-up (and reload after a failed write): db.json, then the journal records past its seq.
// Reads only; changes no file. Which files can hold which records is explained in compaction.ts.
import path from 'node:path';
import { initialState } from '../domain/state.ts';
import type { FairState } from '../domain/types.ts';
import type { StoreIo } from './io.ts';
import { JOURNAL_FILE, lastSeqOf, PREV_JOURNAL_FILE, readSegment, type Segment } from './journalReader.ts';
import {
  damagedJournalMessage,
  damagedSnapshotMessage,
  missingRecordsMessage,
  missingSnapshotMessage,
  rebuiltSnapshotMessage,
  unreadableFileMessage,
} from './messages.ts';
import { applyRecord } from './record.ts';
import { readSnapshot, SNAPSHOT_FILE, type ReadOptions, type SnapshotRead } from './snapshot.ts';
import { lastWipeUnknown, wipeOnDisk } from './unfinishedWipe.ts';

export interface Recovered {
  state: FairState;
  /** The keys in db.json and the journal: the live store keeps them for their time (KeptKeys). */
  applied: Set<string>;
  /** The last seq in memory; the next commit gets seq + 1. */
  seq: number;
  /** The seq a readable db.json holds (0 if there is none, or it is damaged and was rebuilt). */
  snapshotSeq: number;
  /** The last seq in journal.prev.jsonl (0 if there is none): it may be replaced once db.json holds it. */
  prevLastSeq: number;
  /** The seq of the last erasure or purge on disk (0 if none). */
  lastWipeSeq: number;
  /** A file still holds what that wipe removed: a stop cut its scrub short (unfinishedWipe.ts). */
  wipeUnfinished: boolean;
  /** Bytes of journal.jsonl to keep; a torn tail past them is dropped when the journal is opened. */
  journalBytes: number;
}

export async function recover(io: StoreIo, dir: string, log: (line: string) => void, options: ReadOptions = {}): Promise<Recovered> {
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  const read = await readSnapshot(io, dir, options).catch((error: unknown) => {
    throw new Error(unreadableFileMessage(snapshotFile, error), { cause: error });
  });
  const base = read.kind === 'ok' ? read.snapshot.seq : 0;

  // The backup segment is read in full only if it may hold records past db.json (a crash between
  // rotation and snapshot), db.json must be rebuilt, or db.json is too old to say the last wipe;
  // otherwise only its last line is looked at.
  const prevLast = read.kind === 'ok' ? await lastSeqOf(io, dir, PREV_JOURNAL_FILE) : undefined;
  const prevCovered = prevLast !== undefined && prevLast <= base && !lastWipeUnknown(read);
  const prev = prevCovered ? undefined : await readSegment(io, dir, PREV_JOURNAL_FILE, base, false);
  const prevLastSeq = prev?.lastSeq ?? prevLast ?? 0;
  const live = await readSegment(io, dir, JOURNAL_FILE, base, true);

  if (live !== undefined && live.firstSeq > 0 && prevLastSeq > 0 && live.firstSeq !== prevLastSeq + 1) {
    throw new Error(missingRecordsMessage(live.file, live.firstSeq, path.join(dir, PREV_JOURNAL_FILE), prevLastSeq));
  }
  const segments = [prev, live].filter((segment): segment is Segment => segment !== undefined);
  checkStart(read, segments, base, snapshotFile, log);

  const state = read.kind === 'ok' ? read.snapshot.state : initialState();
  const applied = read.kind === 'ok' ? read.snapshot.applied : new Set<string>();
  for (const segment of segments) {
    for (const { line, record } of segment.records) {
      try {
        applyRecord(state, applied, record);
      } catch (error) {
        // Every type is known (journalRecordProblem): an event with missing or ill-typed fields. The
        // error's own text stays out of the message: a TypeError can quote a value, and values are personal.
        throw new Error(damagedJournalMessage(segment.file, line, 'its events cannot be applied: one lacks a field this version needs, or holds a value of the wrong kind'), { cause: error });
      }
    }
  }
  if (live?.tornLine !== undefined) {
    log(`${live.file} line ${live.tornLine} was cut short by an interrupted write; dropping it (it was never confirmed to anyone).`);
  }

  const wipe = await wipeOnDisk(io, dir, { read, prev, prevLastSeq, live });
  return {
    state,
    applied,
    seq: Math.max(base, prevLastSeq, live?.lastSeq ?? 0),
    snapshotSeq: base,
    prevLastSeq,
    lastWipeSeq: wipe.lastWipeSeq,
    wipeUnfinished: wipe.unfinished,
    journalBytes: live?.validBytes ?? 0,
  };
}

/**
 * The records replayed must follow db.json's seq (or seq 0 without one) with nothing missing in
 * between. Gaps inside one segment are tolerated: journals written before compaction have them
 * where a write failed. Throws a sentence, or logs a rebuild of a damaged db.json.
 */
function checkStart(read: SnapshotRead, segments: Segment[], base: number, snapshotFile: string, log: (line: string) => void): void {
  // The first record to replay; if it opens its segment, the one before it is missing or short.
  const first = segments.flatMap((segment) => segment.records.slice(0, 1).map(({ line, record }) => ({ file: segment.file, line, seq: record.seq })))[0];
  const missing = first !== undefined && first.line === 1 && first.seq !== base + 1 ? first : undefined;
  switch (read.kind) {
    case 'ok':
      if (missing) throw new Error(missingRecordsMessage(missing.file, missing.seq, snapshotFile, base));
      return;
    case 'none':
      if (missing) throw new Error(missingSnapshotMessage(snapshotFile, missing.file, missing.seq));
      return;
    case 'damaged':
      // Rebuild only from the whole history; else the fair would silently lose its start.
      if (first === undefined || missing !== undefined) throw new Error(damagedSnapshotMessage(snapshotFile, read.problem), { cause: read.error });
      log(rebuiltSnapshotMessage(snapshotFile, read.problem));
      return;
    default: {
      const unknown: never = read;
      throw new Error(`Unknown snapshot read ${(unknown as { kind: string }).kind}`); // never the snapshot: it holds the fair
    }
  }
}
