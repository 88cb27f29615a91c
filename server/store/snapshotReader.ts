// db.json read a line at a time. Past INDENT_UP_TO_BYTES the writer puts each entity of a
// collection, and each applied key, on a line of its own (snapshotWriter.ts): each such line is
// parsed on its own as it arrives, and the rest, the file's frame, once at the end, with each list
// put back where it stood. Read whole, a fair of 100,000 introductions was a 70 MB buffer and a 70 MB
// string at once: on a 2-core VM ~0.4 s of the start went to touching that fresh memory, and the
// 140 MB stayed in the process's memory until V8's next full collection (issue #14).
//
// The outcome is JSON.parse's on the whole text, whatever the file holds: when the lines are not
// laid out as the writer lays them (an older one-line file, one edited by hand), or do not parse,
// the file is read again and parsed whole, so a damaged file is refused with JSON.parse's error.
//
// The lines are split as bytes, so that each one's place in the file is known: a large db.json's
// students and introductions are left there, each noted by its id and its line's place, and read
// at first use (entitiesOnDisk.ts), when the file's last line vouches for every byte before it.
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import { DEFERRED_LISTS, DeferredEntities, type LinesOnDisk } from './entitiesOnDisk.ts';
import { isObject } from './record.ts';
import { CRC32_KEY } from './snapshotWriter.ts';

/** A frame line that ends so opens a list whose entries may follow, one a line. */
const OPENS_A_LIST = '":[';

/** The list whose entries are being read, one a line. */
interface OpenList {
  /** Stands in the frame for the entries, a JSON string no file holds (it is random). */
  marker: string;
  /** A deferred list's entities go straight into their Map (entitiesOnDisk.ts). */
  entries: unknown[] | DeferredEntities<object>;
  /** Whether the last entry ended with a comma: one more must follow, and only then. */
  comma: boolean;
}

/**
 * Called with each entry read from a line of its own and the name of its list ("booths" for
 * `"booths":[`); what it returns is kept in the entry's place. The entry is fresh from JSON.parse:
 * a lighter one put in its place lets it die young, before V8 copies it into the old generation.
 */
export type OnEntry = (list: string, entry: unknown) => unknown;

/**
 * JSON.parse of the whole file that `chunks` reads, without ever holding its whole text. With
 * `onDisk`, the same value but for DEFERRED_LISTS (the students and introductions), which are Maps
 * by id whose entities stay in the file, noted in `onDisk`, until they are used (entitiesOnDisk.ts).
 * Only for a file exactly as the writer wrote it: its last line holds the CRC-32 of all before it
 * (CRC32_KEY). Otherwise (a file edited by hand or damaged, or written before the CRC) it is read
 * again without, so the outcome, and the error for a damaged file, is JSON.parse's all the same.
 */
export async function parseJsonLines(chunks: () => AsyncIterable<Uint8Array>, onEntry: OnEntry = (_list, entry) => entry, onDisk?: LinesOnDisk): Promise<unknown> {
  if (onDisk !== undefined) {
    try {
      const { data, crc } = await parseByLine(chunks(), onEntry, onDisk);
      if (isObject(data) && data[CRC32_KEY] === crc) return data;
    } catch (error) {
      if (!(error instanceof SyntaxError)) {
        onDisk.close();
        throw error; // the disk's errors are the caller's
      }
    }
    onDisk.close();
  }
  try {
    return (await parseByLine(chunks(), onEntry)).data;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return JSON.parse(await textOf(chunks())) as unknown;
  }
}

/** The file's value and, with `onDisk`, the CRC-32 of every byte before its last line. */
async function parseByLine(chunks: AsyncIterable<Uint8Array>, onEntry: OnEntry, onDisk?: LinesOnDisk): Promise<{ data: unknown; crc?: number }> {
  const frame: string[] = [];
  const lists = new Map<string, unknown[] | DeferredEntities<object>>();
  const salt = randomBytes(9).toString('base64url');
  let open: OpenList | undefined;
  let opened: string | undefined; // the list the last frame line opened: entries may follow
  const line = (bytes: Buffer, start: number, lineEnd: number, offset: number): void => {
    const first = bytes[start];
    if (opened !== undefined && (first === 0x7b /* { */ || first === 0x22 /* " */)) {
      if (open === undefined) {
        const entries = onDisk !== undefined && DEFERRED_LISTS.has(opened) ? new DeferredEntities<object>(onDisk, opened) : [];
        open = { marker: `\u0000${salt}:${lists.size}`, entries, comma: false };
        lists.set(open.marker, entries);
        frame.push(JSON.stringify(open.marker));
      } else if (!open.comma) {
        throw new SyntaxError('two entries of a list without a comma between them');
      }
      let end = endWithoutSpace(bytes, start, lineEnd);
      open.comma = bytes[end - 1] === 0x2c; /* , */
      if (open.comma) end -= 1;
      if (Array.isArray(open.entries)) {
        // A file the CRC-32 will vouch for (or else be read again) takes its plain strings, the applied keys, as they are.
        const value = onDisk !== undefined && isPlainString(bytes, start, end) ? bytes.toString('latin1', start + 1, end - 1) : JSON.parse(bytes.toString('utf8', start, end));
        open.entries.push(onEntry(opened, value));
        return;
      }
      // A deferred list: the entity's id from its line's start, where the writer puts it, and its place in the file.
      const idEnd = idEndOf(bytes, start, end);
      if (idEnd !== -1) {
        open.entries.defer(bytes.toString('latin1', start + ID_START.length, idEnd), onDisk!.add(offset, end - start));
        return;
      }
      const entity = onEntry(opened, JSON.parse(bytes.toString('utf8', start, end)));
      if (!isObject(entity) || typeof entity.id !== 'string') throw new SyntaxError('an entity of a deferred list without an id'); // read again in full: snapshot.ts says what is wrong
      open.entries.set(entity.id, entity);
      return;
    }
    // JSON's whitespace at a frame line's end is left out: no string can go on past a line's end.
    const text = bytes.toString('utf8', start, endWithoutSpace(bytes, start, lineEnd));
    if (open?.comma) throw new SyntaxError('a comma after the last entry of a list');
    open = undefined;
    opened = listOpenedBy(text);
    frame.push(text);
  };
  const crc = await eachLine(chunks, line, onDisk !== undefined);
  if (open?.comma) throw new SyntaxError('the file ends after a comma');
  const text = frame.join('\n');
  if (lists.size === 0) return { data: JSON.parse(text) as unknown, crc };
  // Only the frame's values are revived: a few dozen, however many entries the lists hold.
  let restored = 0;
  const data = JSON.parse(text, (_key, value: unknown) => {
    const entries = Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' ? lists.get(value[0]) : undefined;
    if (entries === undefined) return value;
    restored += 1;
    return entries;
  }) as unknown;
  // Else a list went on past its entries on the next frame line (`],` is how the writer ends one).
  if (restored !== lists.size) throw new SyntaxError('a list laid out otherwise than one entry a line');
  return { data, crc };
}

/** How a line of a deferred list begins, as the writer writes every entity: its id first. */
const ID_START = Buffer.from('{"id":"', 'latin1');

/**
 * Where the id ends (its closing quote) in a line that begins as the writer begins an entity's,
 * with an id of plain characters; else -1, and the line is parsed at once.
 */
function idEndOf(bytes: Buffer, start: number, end: number): number {
  if (end - start < ID_START.length) return -1;
  for (let i = 0; i < ID_START.length; i++) if (bytes[start + i] !== ID_START[i]) return -1;
  return plainCharsEnd(bytes, start + ID_START.length, end);
}

/** Whether the bytes are a JSON string of plain characters only: `"`, printable ASCII but `\` and `"`, `"`. */
const isPlainString = (bytes: Buffer, start: number, end: number): boolean =>
  end - start >= 2 && bytes[start] === 0x22 && plainCharsEnd(bytes, start + 1, end) === end - 1;

/** The first `"` from `from` on, if every byte before it is printable ASCII but `\`; else -1. */
function plainCharsEnd(bytes: Buffer, from: number, end: number): number {
  for (let at = from; at < end; at++) {
    const byte = bytes[at]!;
    if (byte === 0x22) return at;
    if (byte === 0x5c || byte < 0x20 || byte > 0x7e) return -1; // an escape, or a byte that is not plain ASCII
  }
  return -1;
}

/** The name of the list a frame line opens at its end (`…,"booths":[`), if it does. */
function listOpenedBy(line: string): string | undefined {
  if (!line.endsWith(OPENS_A_LIST)) return undefined;
  const start = line.lastIndexOf('"', line.length - OPENS_A_LIST.length - 1);
  return start === -1 ? '' : line.slice(start + 1, line.length - OPENS_A_LIST.length);
}

/** The end of a line's bytes without JSON's whitespace at its end (a file saved with \r\n line ends, say). */
function endWithoutSpace(bytes: Buffer, start: number, end: number): number {
  let at = end;
  for (let byte = bytes[at - 1]; at > start && (byte === 0x20 || byte === 0x09 || byte === 0x0d); byte = bytes[at - 1]) at -= 1;
  return at;
}

/**
 * Calls `line` with each line's bytes (`start` to `end` of `bytes`, without its \n) and where the
 * line begins in the file. A line cut by a piece's end is joined once, in a buffer of its own. A \n
 * byte is never part of a longer UTF-8 character, so the bytes split where the text would. With
 * `withCrc`, resolves with the CRC-32 of every byte before the last line, a piece at a time.
 */
async function eachLine(chunks: AsyncIterable<Uint8Array>, line: (bytes: Buffer, start: number, end: number, offset: number) => void, withCrc = false): Promise<number> {
  let crc = 0;
  let pending: Buffer[] = [];
  let pendingOffset = 0;
  let offset = 0; // of the piece in the file
  for await (const chunk of chunks) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
      if (pending.length === 0) line(bytes, start, end, offset + start);
      else {
        if (withCrc) for (const part of pending) crc = crc32(part, crc);
        const joined = Buffer.concat([...pending, bytes.subarray(0, end)]);
        line(joined, 0, joined.length, pendingOffset);
        pending = [];
      }
      start = end + 1;
    }
    if (withCrc && start > 0) crc = crc32(bytes.subarray(0, start), crc);
    if (start < bytes.length) {
      if (pending.length === 0) pendingOffset = offset + start;
      pending.push(Buffer.from(bytes.subarray(start))); // a copy: the reader reuses its buffer
    }
    offset += bytes.length;
  }
  const last = Buffer.concat(pending);
  line(last, 0, last.length, pending.length === 0 ? offset : pendingOffset);
  return crc;
}

async function textOf(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(decoder.write(chunk as Buffer));
  parts.push(decoder.end());
  return parts.join('');
}
