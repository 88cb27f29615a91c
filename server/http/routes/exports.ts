// The organiser's exports: every introduction as an Excel-safe CSV and as a workbook, the whole fair
// as JSON, and the employers' packages (one booth's, or all of them, a folder each).
// Past one machine the handler has caught up with every process's commits before these run.
import { Readable } from 'node:stream';
import {
  EXPORT_ALL_PACKAGES, EXPORT_BOOTH_PACKAGE, EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV, EXPORT_INTRODUCTIONS_XLSX,
} from '../../../shared/api.ts';
import { boothBySlug } from '../../domain/booths.ts';
import { boothPackages, introductionsCsv } from '../formats/boothPackage.ts';
import { fairJsonPieces } from '../formats/fairJson.ts';
import { introductionsXlsx, XLSX_TYPE } from '../formats/xlsx.ts';
import { downloadHeaders, endInTurns, httpError, sendStream } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';
import { wholeFairReady } from '../../turns.ts';

const NO_BOOTH = 'There is no booth at that address. Pick the booth again from the list on the organiser page.';

async function exportIntroductions({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  await sendStream(res, 'text/csv; charset=utf-8', `introductions-${state.fair.date}.csv`, Readable.from(introductionsCsv(state, {})));
}

async function exportWorkbook({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  await sendStream(res, XLSX_TYPE, `introductions-${state.fair.date}.xlsx`, introductionsXlsx(state, {}, deps.now()));
}

async function exportBoothPackage({ res, deps, params }: Context): Promise<void> {
  const state = deps.store.state;
  const booth = boothBySlug(state, params[0]!);
  if (!booth) throw httpError(404, 'NOT_FOUND', NO_BOOTH);
  await sendStream(res, 'application/zip', `${booth.slug}-${state.fair.date}.zip`, boothPackages(state, [booth], deps.now()));
}

async function exportAllPackages({ res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  await sendStream(res, 'application/zip', `booths-${state.fair.date}.zip`, boothPackages(state, [...state.booths.values()], deps.now()));
}

/** Pieces of fair.json gathered into one write; the loop then takes a turn. */
const PIECES_PER_WRITE = 1000;

async function exportFair({ res, deps }: Context): Promise<void> {
  await wholeFairReady(deps.store.state); // every entity in memory: its first piece copies every collection
  const state = deps.store.state;
  res.writeHead(200, downloadHeaders('application/json; charset=utf-8', `fair-${state.fair.date}.json`));
  await endInTurns(res, fairJsonPieces(state), PIECES_PER_WRITE);
}

export const exportRoutes: Route[] = [
  route('GET', EXPORT_INTRODUCTIONS_CSV, exportIntroductions),
  route('GET', EXPORT_INTRODUCTIONS_XLSX, exportWorkbook),
  route('GET', EXPORT_FAIR_JSON, exportFair),
  route('GET', EXPORT_BOOTH_PACKAGE, exportBoothPackage),
  route('GET', EXPORT_ALL_PACKAGES, exportAllPackages),
];
