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
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';

/** A frame line that ends so opens a list whose entries may follow, one a line. */
const OPENS_A_LIST = '":[';

/** The list whose entries are being read, one a line. */
interface OpenList {
  /** Stands in the frame for the entries, a JSON string no file holds (it is random). */
  marker: string;
  entries: unknown[];
  /** Whether the last entry ended with a comma: one more must follow, and only then. */
  comma: boolean;
}

/**
 * Called with each entry read from a line of its own and the name of its list ("booths" for
 * `"booths":[`); what it returns is kept in the entry's place. The entry is fresh from JSON.parse:
 * a lighter one put in its place lets it die young, before V8 copies it into the old generation.
 */
export type OnEntry = (list: string, entry: unknown) => unknown;

/** JSON.parse of the whole file that `chunks` reads, without ever holding its whole text. */
export async function parseJsonLines(chunks: () => AsyncIterable<Uint8Array>, onEntry: OnEntry = (_list, entry) => entry): Promise<unknown> {
  try {
    return await parseByLine(chunks(), onEntry);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // the disk's errors are the caller's
    return JSON.parse(await textOf(chunks())) as unknown;
  }
}

async function parseByLine(chunks: AsyncIterable<Uint8Array>, onEntry: OnEntry): Promise<unknown> {
  const frame: string[] = [];
  const lists = new Map<string, unknown[]>();
  const salt = randomBytes(9).toString('base64url');
  let open: OpenList | undefined;
  let opened: string | undefined; // the list the last frame line opened: entries may follow
  const line = (text: string): void => {
    const first = text.charCodeAt(0);
    if (opened !== undefined && (first === 0x7b /* { */ || first === 0x22 /* " */)) {
      if (open === undefined) {
        open = { marker: `\u0000${salt}:${lists.size}`, entries: [], comma: false };
        lists.set(open.marker, open.entries);
        frame.push(JSON.stringify(open.marker));
      } else if (!open.comma) {
        throw new SyntaxError('two entries of a list without a comma between them');
      }
      const entry = withoutSpaceAtEnd(text);
      open.comma = entry.endsWith(',');
      open.entries.push(onEntry(opened, JSON.parse(open.comma ? entry.slice(0, -1) : entry)));
      return;
    }
    if (open?.comma) throw new SyntaxError('a comma after the last entry of a list');
    open = undefined;
    opened = listOpenedBy(withoutSpaceAtEnd(text));
    frame.push(text);
  };
  await eachLine(chunks, line);
  if (open?.comma) throw new SyntaxError('the file ends after a comma');
  const text = frame.join('\n');
  if (lists.size === 0) return JSON.parse(text) as unknown;
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
  return data;
}

/** The name of the list a frame line opens at its end (`…,"booths":[`), if it does. */
function listOpenedBy(line: string): string | undefined {
  if (!line.endsWith(OPENS_A_LIST)) return undefined;
  const start = line.lastIndexOf('"', line.length - OPENS_A_LIST.length - 1);
  return start === -1 ? '' : line.slice(start + 1, line.length - OPENS_A_LIST.length);
}

/** JSON's whitespace at a line's end (a file saved with \r\n line ends, say) taken off. */
function withoutSpaceAtEnd(text: string): string {
  let end = text.length;
  for (let code = text.charCodeAt(end - 1); code === 0x20 || code === 0x09 || code === 0x0d; code = text.charCodeAt(end - 1)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** Calls `line` with each line of the text, without its \n; a line longer than a chunk is joined once. */
async function eachLine(chunks: AsyncIterable<Uint8Array>, line: (text: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  const piece = (text: string): void => {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const part = text.slice(start, end);
      line(pending.length === 0 ? part : [...pending, part].join(''));
      pending = [];
      start = end + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  };
  for await (const chunk of chunks) piece(decoder.write(chunk as Buffer));
  piece(decoder.end());
  line(pending.join(''));
}

async function textOf(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(decoder.write(chunk as Buffer));
  parts.push(decoder.end());
  return parts.join('');
}
