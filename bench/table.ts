// The one results table of `npm run bench`, as aligned text (console.table would quote every string).

export const COLUMNS = ['benchmark', 'measured', 'baseline', 'ratio', 'goal', 'verdict'] as const;
export type Row = Record<(typeof COLUMNS)[number], string>;

export function printTable(rows: readonly Row[]): void {
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(COLUMNS));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(COLUMNS.map((column) => row[column])));
}
