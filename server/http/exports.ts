// The organiser's exports: every introduction as an Excel-safe CSV, the whole fair as JSON.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { FairState, Rep } from '../domain/state.ts';
import { INTRODUCTION_COLUMNS, introductionRows } from './introductionRows.ts';
import { downloadHeaders, sendDownload } from './respond.ts';
import { route, type Context, type Route } from './router.ts';

/**
 * csv-stringify's `escape_formulas` prefixes ' to cells starting with = + - @ tab CR (and their
 * full-width forms) but not LF, which spreadsheets also read as the start of a formula.
 */
const neutraliseLineFeed = (value: string): string => (value.startsWith('\n') ? `'${value}` : value);

export function introductionsCsv() {
  return stringify({
    bom: true,
    header: true,
    columns: [...INTRODUCTION_COLUMNS],
    record_delimiter: '\r\n',
    escape_formulas: true,
    cast: { string: neutraliseLineFeed },
  });
}

async function exportIntroductions({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  res.writeHead(200, downloadHeaders('text/csv; charset=utf-8', `introductions-${state.fair.date}.csv`));
  // pipeline waits whenever the socket is full (backpressure); the rows also pause on their own.
  await pipeline(Readable.from(introductionRows(state)), introductionsCsv(), res);
}

/** The whole state minus secrets: a rep's token hash would let anyone with the file guess-check tokens. */
function publicState(state: FairState): Omit<FairState, 'reps'> & { reps: Record<string, Omit<Rep, 'tokenHash'>> } {
  const reps = Object.fromEntries(Object.entries(state.reps).map(([id, { tokenHash: _secret, ...rep }]) => [id, rep]));
  return { ...state, reps };
}

function exportFair({ res, deps }: Context): void {
  const state = deps.store.state;
  sendDownload(res, 'application/json; charset=utf-8', `fair-${state.fair.date}.json`, JSON.stringify(publicState(state), null, 2));
}

export const exportRoutes: Route[] = [
  route('GET', /^\/api\/admin\/export\/introductions\.csv$/, exportIntroductions),
  route('GET', /^\/api\/admin\/export\/fair\.json$/, exportFair),
];
