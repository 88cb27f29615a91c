// The export's CSV writer (server/http/formats/csv.ts) against csv-stringify, whose rules it writes out:
// for rows of the characters that matter to quoting and formulas, the bytes must be the same.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../server/http/formats/csv.ts';
import { seeded } from '../helpers.ts';

/** csv-stringify as the export used it, with our two extra formula starts as its string cast. */
const FORMULA_AFTER_SPACE = /^\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const reference = (rows: string[][]): string => stringify(rows, {
  record_delimiter: '\r\n', quote_record_delimiter: true, escape_formulas: true,
  cast: { string: (value) => (value.startsWith('\n') || FORMULA_AFTER_SPACE.test(value) ? `'${value}` : value) },
});

const PIECES = ['a', 'Zoë', ' ', '\u3000', '\t', '\r', '\n', '\r\n', '"', ',', "'", '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '😀', ';', '\\', '1', 'SUM(1)'];

describe('the CSV writer', () => {
  it('writes the same bytes as csv-stringify for 20,000 rows of awkward cells', () => {
    const random = seeded(20_261_126);
    const pick = () => PIECES[Math.floor(random() * PIECES.length)]!;
    const rows = Array.from({ length: 20_000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 5) }, () => Array.from({ length: Math.floor(random() * 6) }, pick).join('')));
    const ours = csvText(rows);
    expect(ours === reference(rows)).toBe(true);
    expect(ours).toContain(`"'=""`); // the rows did meet a formula sign before a quote
  });

  it('neutralises formulas and quotes what RFC 4180 says to quote', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('  @SUM(A1)')).toBe("'  @SUM(A1)");
    expect(csvCell('\n=1')).toBe(`"'\n=1"`);
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('a=1; b=-2')).toBe('a=1; b=-2');
    expect(csvText([['', 'x'], ['y', '']])).toBe(',x\r\ny,\r\n');
  });
});
