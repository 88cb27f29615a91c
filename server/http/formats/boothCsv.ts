// Reading the organiser's employer list (CSV with a header row) into booth fields, row by row.
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { httpError } from '../plumbing/respond.ts';

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

function parseRecords(text: string): Parsed[] {
  try {
    return parseCsv(text, {
      bom: true,
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Parsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = (error as CsvError & { lines?: number }).lines;
    throw httpError(400, 'INVALID', `The CSV cannot be read${at ? ` near line ${at}` : ''}: check that every quote " is closed, then import it again.`);
  }
}

/**
 * The line each record starts on. csv-parse's own `info.lines` counts a CRLF inside a quoted
 * cell as two lines, so lines are counted here, from where each record ends.
 */
function startLines(text: string, records: Parsed[]): number[] {
  const bytes = Buffer.from(text);
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

/** The data rows of a booth CSV; throws a 400 HttpError for a file that cannot be used at all. */
export function readBoothCsv(text: string): CsvRow[] {
  const parsed = parseRecords(text);
  const lines = startLines(text, parsed);
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
