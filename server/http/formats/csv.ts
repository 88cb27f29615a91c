// RFC 4180 text for the organiser's spreadsheet, safe to open in Excel, LibreOffice and Numbers.
// These are csv-stringify's rules for the options the export used (CRLF records, quote_record_delimiter,
// escape_formulas), plus two of ours, written out: its general cast-and-quote path cost ~3.5 µs a
// row, a third of the export's 1 s budget at 100,000 rows, where this takes a tenth of that.
// tests/http/csvWriter.test.ts checks the bytes against csv-stringify; csvGolden.test.ts pins them.

/**
 * A cell a spreadsheet could read as a formula gets a leading '. The signs = + - @ and their
 * full-width forms, and tab, CR or LF, at the start (OWASP's list, as csv-stringify's
 * escape_formulas); LF, because spreadsheets also read a formula after it; and spaces before a
 * sign, which LibreOffice's "Trim spaces" import option strips.
 */
const FORMULA = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]|^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell holding a quote, a comma, a CR or an LF is quoted (RFC 4180; a bare LF too, or Excel starts a new row). */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  if (value === '') return value;
  const cell = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One record's text, ending in CRLF. */
export function csvLine(row: readonly string[]): string {
  let text = '';
  for (let i = 0; i < row.length; i++) text += i === 0 ? csvCell(row[i]!) : `,${csvCell(row[i]!)}`;
  return `${text}\r\n`;
}

/** The text of some rows, each ending in CRLF. */
export const csvText = (rows: readonly (readonly string[])[]): string => rows.map(csvLine).join('');
