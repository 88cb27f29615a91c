// The introductions as an Excel workbook: the CSV's rows and columns with typed cells. Text is
// text (an inline string, never a formula: no guard needed, "+49 …" keeps its +), times are date
// cells (UTC columns in UTC, `_local` columns on the fair's wall clock), the year a number; the
// header row is bold and frozen, each column has a width.
//
// The workbook is written here, not by a spreadsheet library: exceljs's streaming WorkbookWriter,
// the well-kept one, took 14.5 s for 100,000 rows of 31 columns and held the event loop up to
// 796 ms (2-core VM), against a budget of 3 s and 50 ms. A sheet of plain rows is a short, fixed
// piece of SpreadsheetML (ECMA-376 part 1, §18.3); the zip around it is streamed (zip.ts), and
// tests/http/xlsx.test.ts reads the file back with independent readers.
import type { Readable } from 'node:stream';
import type { FairState } from '../../domain/types.ts';
import { TURN_MS } from '../../turns.ts';
import { INTRODUCTION_COLUMNS, introductionBatches, LOCAL_COLUMNS, UTC_COLUMNS, type IntroductionColumn } from './introductionRows.ts';
import { utf8InTurns } from './utf8.ts';
import { zipStream } from './zip.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The fixed parts of the package, by path. */
const PARTS: Record<string, string> = {
  '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '</Types>',
  '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`
    + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + '<sheets><sheet name="Introductions" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">`
    + `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>`
    + `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
  // Cell styles: 0 plain, 1 a date and time, 2 the bold header.
  'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">`
    + '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + '</styleSheet>',
};

const DATE_STYLE = 1;
const HEADER_STYLE = 2;

/** Column widths in characters; a column not named here is WIDTH_DEFAULT wide. */
const WIDTH_DEFAULT = 14;
const WIDTHS: Partial<Record<IntroductionColumn, number>> = {
  introduced_at: 17, introduced_at_local: 17, slot_start: 17, slot_start_local: 17, slot_end: 17, slot_end_local: 17,
  invited_at: 17, invited_at_local: 17, booth: 8, employer: 24, student_name: 24, email: 30, phone: 18, school: 24,
  programme: 24, graduation_year: 10, link: 30, interests: 36, consent_fields: 30, request_note: 36, place: 18,
  interviewer: 20, walk_up: 8, notes: 40, rating: 14, tags: 24, next_step: 30, referred_to: 30, referred_by: 24,
};

/** A, B, …, Z, AA, AB, …: a column's letters in a cell reference. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
const LETTERS = INTRODUCTION_COLUMNS.map((_, i) => columnLetters(i));

/** How each column's text becomes a cell: a date from UTC, a date from the wall clock, a number, or text. */
type Kind = 'utc' | 'local' | 'year' | 'text';
const KINDS: Kind[] = INTRODUCTION_COLUMNS.map((c) => (UTC_COLUMNS.has(c) ? 'utc' : LOCAL_COLUMNS.has(c) ? 'local' : c === 'graduation_year' ? 'year' : 'text'));

/** XML 1.0 has no escape for most control characters: they would make the file unreadable, so they go. */
const XML_SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const xmlText = (text: string): string => text.replace(XML_SPECIAL, (c) => XML_ESCAPES[c] ?? '');

/** Text a reader could trim or fold: white space at either end, or a tab or line break anywhere. */
const EDGE_SPACE = /^\s|\s$|[\t\r\n]/;

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, after its 1900 leap-year bug) to the Unix epoch. */
const EPOCH_SERIAL = 25_569;
/** Excel keeps at most this many characters in a cell. */
const MAX_CELL_CHARS = 32_767;

/**
 * A date cell's number: the instant's UTC fields read as the wall clock (a spreadsheet date has no
 * zone). Days are a binary fraction, so 11:00 comes back as 10:59:59.9999…; half a millisecond more
 * makes every reader, those that cut the fraction off (JavaScript's Date) too, land on the time.
 */
const serial = (wallMs: number): string => String((wallMs + 0.5) / DAY_MS + EPOCH_SERIAL);

/** Text that needs more than copying: an XML special or control character, or white space at an end. */
const NEEDS_CARE = /[&<>\u0000-\u001F\uFFFE\uFFFF]|^\s|\s$/;

/** Each column's cells start alike: `<c r="B` (the row number follows). */
const CELL_STARTS = LETTERS.map((letters) => `<c r="${letters}`);

function cell(column: number, row: string, value: string): string {
  if (value === '') return '';
  const kind = KINDS[column]!;
  if (kind === 'utc' || kind === 'local') {
    const ms = Date.parse(kind === 'utc' ? value : `${value.replace(' ', 'T')}Z`);
    if (!Number.isNaN(ms)) return `${CELL_STARTS[column]}${row}" s="${DATE_STYLE}"><v>${serial(ms)}</v></c>`;
  }
  if (kind === 'year' && /^\d{1,4}$/.test(value)) return `${CELL_STARTS[column]}${row}"><v>${value}</v></c>`;
  return `${CELL_STARTS[column]}${row}" t="inlineStr"><is>${NEEDS_CARE.test(value) || value.length > MAX_CELL_CHARS ? carefulText(value) : `<t>${value}</t>`}</is></c>`;
}

/** A text element for text with special characters or white space at its ends, cut to what Excel keeps. */
function carefulText(value: string): string {
  const text = xmlText(value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value);
  // Without xml:space="preserve" a reader may trim spaces at the ends and fold line breaks.
  return EDGE_SPACE.test(text) ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}

function rowXml(number: number, values: readonly string[]): string {
  const row = String(number);
  let xml = `<row r="${row}">`;
  for (let i = 0; i < values.length; i++) xml += cell(i, row, values[i]!);
  return `${xml}</row>`;
}

function sheetStart(): string {
  const cols = INTRODUCTION_COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${WIDTHS[c] ?? WIDTH_DEFAULT}" customWidth="1"/>`).join('');
  const header = INTRODUCTION_COLUMNS.map((c, i) => `<c r="${LETTERS[i]}1" s="${HEADER_STYLE}" t="inlineStr"><is><t>${c}</t></is></c>`).join('');
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}">`
    // The header stays in view while scrolling: a frozen pane below row 1.
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
    + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

/**
 * The sheet's XML, each batch of rows in the turn that made it. A row's XML is ~1 KB, three times
 * its CSV, so a batch is written in slices of half a turn each: with the row builder's half, the
 * first slice still fits one turn.
 */
async function* sheetXml(state: FairState, only: { boothId?: string }): AsyncGenerator<Buffer> {
  yield Buffer.from(sheetStart());
  let number = 1;
  for await (const rows of introductionBatches(state, only)) {
    yield* utf8InTurns(rows, (values) => rowXml(++number, values), TURN_MS / 2);
  }
  yield Buffer.from('</sheetData></worksheet>');
}

/** The workbook of the fair's introductions, or of one booth's, as a stream of the .xlsx file's bytes. */
export function introductionsXlsx(state: FairState, only: { boothId?: string }, now: Date): Readable {
  const parts = Object.entries(PARTS).map(([name, text]) => ({ name, data: () => [Buffer.from(text)] }));
  return zipStream([...parts, { name: 'xl/worksheets/sheet1.xml', data: () => sheetXml(state, only) }], now);
}
