// Start-up: the last snapshot, then every journal record past it. Reads only; changes no file.
import path from 'node:path';
import { initialState, type FairState } from '../domain/state.ts';
import { JOURNAL_FILE, readJournal } from './journalReader.ts';
import { damagedJournalMessage } from './messages.ts';
import { applyRecord, type AppliedReplies } from './record.ts';
import { readSnapshot } from './snapshot.ts';

export interface Recovered {
  state: FairState;
  applied: AppliedReplies;
  /** The last seq in memory; the next commit gets seq + 1. */
  seq: number;
  /** The seq db.json holds (0 if there is none). */
  snapshotSeq: number;
  /** Bytes of journal.jsonl to keep; a torn tail past them is dropped when the journal is opened. */
  journalBytes: number;
}

export async function recover(dir: string, log: (line: string) => void): Promise<Recovered> {
  const snapshot = await readSnapshot(dir);
  const state = snapshot?.state ?? initialState();
  const applied: AppliedReplies = new Map(Object.entries(snapshot?.applied ?? {}));
  const snapshotSeq = snapshot?.seq ?? 0;

  const journal = await readJournal(dir, snapshotSeq);
  const file = path.join(dir, JOURNAL_FILE);
  for (const { line, record } of journal.records) {
    try {
      applyRecord(state, applied, record);
    } catch (error) {
      // An event this version does not know, or one with missing fields.
      throw new Error(damagedJournalMessage(file, line, `its events cannot be applied (${(error as Error).message})`), { cause: error });
    }
  }
  if (journal.tornLine !== undefined) {
    log(`${file} line ${journal.tornLine} was cut short by an interrupted write; dropping it (it was never confirmed to anyone).`);
  }

  return {
    state,
    applied,
    seq: Math.max(snapshotSeq, journal.lastSeq),
    snapshotSeq,
    journalBytes: journal.validBytes,
  };
}
