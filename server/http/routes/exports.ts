// The organiser's exports: every introduction as an Excel-safe CSV, the whole fair as JSON.
import { EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV } from '../../../shared/api.ts';
import { csvText } from '../formats/csv.ts';
import { fairJsonPieces } from '../formats/fairJson.ts';
import { INTRODUCTION_COLUMNS, introductionBatches } from '../formats/introductionRows.ts';
import { downloadHeaders, endInTurns, writeWithBackpressure } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';

const BOM = '\uFEFF';

async function exportIntroductions({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  res.writeHead(200, downloadHeaders('text/csv; charset=utf-8', `introductions-${state.fair.date}.csv`));
  // One string and one write per batch: a write per row cost more than building the rows.
  await writeWithBackpressure(res, BOM + csvText([[...INTRODUCTION_COLUMNS]]));
  for await (const rows of introductionBatches(state)) await writeWithBackpressure(res, csvText(rows));
  res.end();
}

/** Pieces of fair.json gathered into one write; the loop then takes a turn. */
const PIECES_PER_WRITE = 1000;

async function exportFair({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  res.writeHead(200, downloadHeaders('application/json; charset=utf-8', `fair-${state.fair.date}.json`));
  await endInTurns(res, fairJsonPieces(state), PIECES_PER_WRITE);
}

export const exportRoutes: Route[] = [
  route('GET', EXPORT_INTRODUCTIONS_CSV, exportIntroductions),
  route('GET', EXPORT_FAIR_JSON, exportFair),
];
