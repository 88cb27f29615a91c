// Reading the organiser's employer list (CSV with a header row) into booth fields, row by row.
import { CsvError, Parser, type Options } from 'csv-parse';
import { BOOTH_IMPORT_LIMITS } from '../../../shared/api.ts';
import { nextTurn, TURN_MS } from '../../turns.ts';
import { httpError } from '../plumbing/respond.ts';

/** The rows one import may hold (why that many: shared/api.ts). */
export const MAX_IMPORT_ROWS = BOOTH_IMPORT_LIMITS.rows;

/**
 * Parsed a piece at a time, taking a turn of the event loop once the pieces of one turn have held
 * it TURN_MS. A count of bytes a turn fits only warm code: 16 KB of the densest file (one short
 * cell a row) took ~5 ms warm but ~20 ms in a server's first import, and a turn begun by the
 * request's I/O runs on into the next one before timers and sockets get their go.
 */
const CSV_PIECE_BYTES = 2 * 1024;

const COLUMNS = ['employer', 'booth', 'description', 'website', 'roles', 'place'] as const;
export type Column = (typeof COLUMNS)[number];

const NO_HEADER = 'The CSV needs a header row with at least the column employer.';

export interface CsvRow {
  /** Where the row starts in the file; the header is line 1. */
  line: number;
  fields: Partial<Record<Column, string>>;
  /** Set when the row cannot be read into fields at all. */
  problem?: string;
}

interface Parsed {
  record: string[];
  /** `bytes`: where the record and its line break end, in UTF-8 bytes of the text. */
  info: { bytes: number };
}

/** Excel writes ";" or tabs in some locales: use whichever separates the header best. */
function delimiterOf(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (d: string) => header.split(d).length;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
}

const TOO_MANY_ROWS = `The CSV has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows: Boothlink imports at most ` +
  `${MAX_IMPORT_ROWS.toLocaleString('en')} booths at a time. Split the file and import each part.`;

/** The header and at most MAX_IMPORT_ROWS records after it; refuses a longer file as soon as it is seen to be. */
async function parseRecords(bytes: Buffer, delimiter: string): Promise<Parsed[]> {
  const options: Options = { bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true };
  const parser = new Parser(options);
  const records: Parsed[] = [];
  let failure: unknown;
  // The records of a piece are read as soon as it is written (the parser holds the next piece until
  // then), so each piece's parsing falls in the turn that wrote it.
  const take = () => {
    for (let record: Parsed | null; (record = parser.read() as Parsed | null) !== null;) records.push(record);
  };
  parser.on('readable', take);
  parser.on('error', (error) => (failure ??= error)); // the first: a write after it fails too
  const ended = new Promise<void>((resolve) => parser.once('end', resolve).once('error', () => resolve()));
  for (let at = 0; at < bytes.length && failure === undefined;) {
    const since = performance.now();
    do {
      const piece = bytes.subarray(at, at + CSV_PIECE_BYTES);
      at += piece.length;
      parser.write(piece);
      take();
    } while (at < bytes.length && performance.now() - since < TURN_MS);
    await nextTurn(); // a parse error arrives by then
    if (records.length > MAX_IMPORT_ROWS + 1) {
      parser.destroy();
      throw httpError(413, 'INVALID', TOO_MANY_ROWS);
    }
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) throw unreadable(failure);
  if (records.length > MAX_IMPORT_ROWS + 1) throw httpError(413, 'INVALID', TOO_MANY_ROWS);
  return records;
}

function unreadable(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const at = (error as CsvError & { lines?: number }).lines;
  return httpError(400, 'INVALID', `The CSV cannot be read${at ? ` near line ${at}` : ''}: check that every quote " is closed, then import it again.`);
}

/**
 * The line each record starts on. csv-parse's own `info.lines` counts a CRLF inside a quoted
 * cell as two lines, so lines are counted here, from where each record ends.
 */
function startLines(bytes: Buffer, records: Parsed[]): number[] {
  const [CR, LF] = [0x0d, 0x0a];
  let line = 1;
  let at = 0;
  const advanceTo = (end: number) => {
    for (; at < end; at++) {
      if (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF)) line++;
    }
  };
  let previousEnd = 0;
  return records.map((parsed) => {
    let start = previousEnd;
    while (bytes[start] === CR || bytes[start] === LF) start++; // skipped blank lines
    advanceTo(start);
    previousEnd = parsed.info.bytes;
    return line;
  });
}

function readHeader(cells: string[]): Column[] {
  const names = cells.map((c) => c.trim().toLowerCase());
  if (!names.includes('employer')) throw httpError(400, 'INVALID', NO_HEADER);
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    const list = unknown.map((n) => (n ? `"${n}"` : '(an empty name)')).join(', ');
    throw httpError(400, 'INVALID', `The CSV has columns Boothlink does not know: ${list}. Use only ${COLUMNS.join(', ')}.`);
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw httpError(400, 'INVALID', `The CSV has the column ${twice} twice. Keep one of them.`);
  return names as Column[];
}

/**
 * The data rows of a booth CSV; throws a 400 HttpError for a file that cannot be used at all, and
 * a 413 for one of more than MAX_IMPORT_ROWS rows.
 */
export async function readBoothCsv(text: string): Promise<CsvRow[]> {
  const bytes = Buffer.from(text);
  const parsed = await parseRecords(bytes, delimiterOf(text));
  const lines = startLines(bytes, parsed);
  await nextTurn(); // a walk over every byte: a file's worth of rows comes next
  const [header, ...records] = parsed;
  if (!header) throw httpError(400, 'INVALID', NO_HEADER);
  const columns = readHeader(header.record);
  const rows: CsvRow[] = [];
  records.forEach(({ record: cells }, i) => {
    if (cells.every((c) => c.trim() === '')) return; // a row of empty cells, as spreadsheets leave
    const line = lines[i + 1]!;
    if (cells.slice(columns.length).some((c) => c.trim() !== '')) {
      rows.push({
        line,
        fields: {},
        problem: `This row has ${cells.length} cells but the header has ${columns.length}. Put quotes around a cell that contains a comma.`,
      });
      return;
    }
    const fields: CsvRow['fields'] = {};
    columns.forEach((column, c) => {
      if (cells[c] !== undefined) fields[column] = cells[c];
    });
    rows.push({ line, fields });
  });
  return rows;
}
