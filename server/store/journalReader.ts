// Reads journal segments at start, telling a torn last line (a crash mid-write) from real damage.
import path from 'node:path';
import { wipesPersonalData } from '../domain/privacyEvents.ts';
import { isMissing, type StoreFile, type StoreIo } from './io.ts';
import { damagedJournalMessage, unreadableFileMessage } from './messages.ts';
import { journalRecordProblem, type JournalRecord } from './record.ts';

/** The live segment: every new record is appended here. */
export const JOURNAL_FILE = 'journal.jsonl';
/** The segment before it, ending at or before db.json's seq once the snapshot is durable. See compaction.ts. */
export const PREV_JOURNAL_FILE = 'journal.prev.jsonl';

const NEWLINE = 0x0a;
/** How much of a segment's end is read to find its last seq; a longer last line means a full read. */
const TAIL_BYTES = 64 * 1024;
/** Enough of a line to read `{"seq":N,` off it (toJournalLine writes seq first). */
const HEAD_BYTES = 40;
const FIRST_SEQ = /^\{"seq":(\d+),/;

export interface Segment {
  /** Path of the file, for messages. */
  file: string;
  /** Records with seq > the `afterSeq` asked for, with their 1-based line numbers. */
  records: { line: number; record: JournalRecord }[];
  /** Seq of the first line, and of the last (0 if the segment holds none). */
  firstSeq: number;
  lastSeq: number;
  /** Seq of the last line, of all of them, that erased a student or purged the fair (0 if none). */
  lastWipeSeq: number;
  /** Bytes of whole, valid lines; anything after them is a torn tail to drop. */
  validBytes: number;
  /** The line number of a torn last line, if there is one. */
  tornLine?: number;
}

/**
 * Reads and checks every line of `dir/name`; undefined if the file does not exist. A last line cut
 * short (no newline) or unparsable is a write that was interrupted and never confirmed: reported as
 * torn if `mayBeTorn` (the live segment), as damage otherwise. Other damage throws a sentence naming
 * the file and line. Nothing is written here.
 */
export async function readSegment(io: StoreIo, dir: string, name: string, afterSeq: number, mayBeTorn: boolean): Promise<Segment | undefined> {
  const file = path.join(dir, name);
  let bytes: Buffer;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw new Error(unreadableFileMessage(file, error), { cause: error });
  }

  // fatal: a flipped byte must show up as damage, not be silently replaced by U+FFFD.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const segment: Segment = { file, records: [], firstSeq: 0, lastSeq: 0, lastWipeSeq: 0, validBytes: 0 };
  for (let start = 0, line = 1; start < bytes.length; line += 1) {
    const end = bytes.indexOf(NEWLINE, start);
    const isLast = end === -1 || end + 1 === bytes.length;
    let parsed: unknown;
    try {
      if (end === -1) throw new Error('no newline');
      parsed = JSON.parse(decoder.decode(bytes.subarray(start, end)));
    } catch {
      if (isLast && mayBeTorn) return { ...segment, tornLine: line };
      throw new Error(damagedJournalMessage(file, line, end === -1 ? 'it is cut short' : 'it is not valid JSON'));
    }
    const problem = journalRecordProblem(parsed);
    if (problem !== undefined) throw new Error(damagedJournalMessage(file, line, problem));
    const record = parsed as JournalRecord;
    if (record.seq <= segment.lastSeq) {
      throw new Error(damagedJournalMessage(file, line, `its seq ${record.seq} does not follow seq ${segment.lastSeq}`));
    }

    if (segment.firstSeq === 0) segment.firstSeq = record.seq;
    segment.lastSeq = record.seq;
    if (record.events.some(wipesPersonalData)) segment.lastWipeSeq = record.seq;
    if (record.seq > afterSeq) segment.records.push({ line, record });
    start = end + 1;
    segment.validBytes = start;
  }
  return segment;
}

/**
 * The seq of a segment's last line, reading only its end; 0 if the file is missing or empty.
 * Undefined if the end does not look like a whole record: then read the segment in full, which
 * names the damage precisely.
 */
export async function lastSeqOf(io: StoreIo, dir: string, name: string): Promise<number | undefined> {
  const file = path.join(dir, name);
  let handle: StoreFile;
  try {
    handle = await io.open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return 0;
    throw new Error(unreadableFileMessage(file, error), { cause: error });
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return 0;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    const { bytesRead } = await handle.read(tail, 0, length, size - length);
    if (bytesRead !== length || tail[length - 1] !== NEWLINE) return undefined;
    const start = tail.lastIndexOf(NEWLINE, length - 2) + 1;
    if (start === 0 && length < size) return undefined; // the last line is longer than the window
    const parsed: unknown = JSON.parse(tail.subarray(start, length - 1).toString('utf8'));
    return journalRecordProblem(parsed) === undefined ? (parsed as JournalRecord).seq : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The seq of a segment's first line; undefined if it is empty, missing, or a line still being written. */
export async function firstSeqOf(io: StoreIo, dir: string, name: string): Promise<number | undefined> {
  const file = path.join(dir, name);
  const handle = await io.open(file, 'r').catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    const found = FIRST_SEQ.exec(head.subarray(0, bytesRead).toString('utf8'));
    return found ? Number(found[1]) : undefined;
  } finally {
    await handle.close();
  }
}
