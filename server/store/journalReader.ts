// Reads journal.jsonl at start, telling a torn last line (a crash mid-write) from real damage.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { damagedJournalMessage, unreadableFileMessage } from './messages.ts';
import { journalRecordProblem, type JournalRecord } from './record.ts';

export const JOURNAL_FILE = 'journal.jsonl';
const NEWLINE = 0x0a;

export interface JournalContents {
  /** Records with seq > the `afterSeq` asked for, with their 1-based line numbers. */
  records: { line: number; record: JournalRecord }[];
  /** The highest seq in the file (0 if none). */
  lastSeq: number;
  /** Bytes of whole, valid lines; anything after them is a torn tail to drop. */
  validBytes: number;
  /** The line number of a torn last line, if there is one. */
  tornLine?: number;
}

/**
 * Reads and checks every line. A last line that is cut short (no newline) or unparsable is a write
 * that was interrupted and never confirmed, so it is reported as torn; a bad line anywhere else is
 * damage, and this throws a sentence naming the file and line. Nothing is written here.
 */
export async function readJournal(dir: string, afterSeq: number): Promise<JournalContents> {
  const file = path.join(dir, JOURNAL_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], lastSeq: 0, validBytes: 0 };
    throw new Error(unreadableFileMessage(file, error), { cause: error });
  }

  // fatal: a flipped byte must show up as damage, not be silently replaced by U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const contents: JournalContents = { records: [], lastSeq: 0, validBytes: 0 };
  for (let start = 0, line = 1; start < bytes.length; line += 1) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === -1) return { ...contents, tornLine: line };
    const isLast = end + 1 === bytes.length;

    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(bytes.subarray(start, end)));
    } catch {
      if (isLast) return { ...contents, tornLine: line };
      throw new Error(damagedJournalMessage(file, line, 'it is not valid JSON'));
    }
    const problem = journalRecordProblem(parsed);
    if (problem !== undefined) throw new Error(damagedJournalMessage(file, line, problem));
    const record = parsed as JournalRecord;
    if (record.seq <= contents.lastSeq) {
      throw new Error(damagedJournalMessage(file, line, `its seq ${record.seq} does not follow seq ${contents.lastSeq}`));
    }

    contents.lastSeq = record.seq;
    if (record.seq > afterSeq) contents.records.push({ line, record });
    start = end + 1;
    contents.validBytes = start;
  }
  return contents;
}
