// The CSV import in the table (issue #11): 10,000 booths in one request, each file imported into a
// new empty fair, timed by the client from request to last byte while the server's loop is watched
// (monitorEventLoopDelay, 5 ms resolution, included); then the organiser's list of those booths.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, loadAverage, mb, median, ms, ratio, verdict } from '../numbers.ts';
import type { Row } from '../table.ts';
import { ADMIN_BOOTHS } from '../../shared/api.ts';
import { runTask } from './child.ts';
import { loopRow } from './loopWatch.ts';
import type { ImportShape } from './import.ts';

export interface ImportBenchSize {
  /** 10,000: the most one import may hold (server/http/formats/boothCsv.ts). */
  rows: number;
  runs: number;
}

export const FULL_IMPORT: ImportBenchSize = { rows: 10_000, runs: 3 };
export const QUICK_IMPORT: ImportBenchSize = { rows: 2_000, runs: 1 };

const IMPORT_GOAL_MS = 1000;
/** A loop delay is only the server's own when nothing else competes for the CPUs: printed beside it. */

const LABELS: Record<ImportShape, string> = {
  one: 'one-column rows',
  all: 'rows of 6 columns',
};

export async function benchImport(size: ImportBenchSize): Promise<Row[]> {
  return inImportFolder(async (root) => {
    console.log(`\nCSV import in ${root}: each run posts the file to a new empty fair (file store) from another process ` +
      `(${os.cpus().length} CPUs; load average ${loadAverage()}).`);
    const rows: Row[] = [];
    for (const shape of ['one', 'all'] as const) rows.push(...(await importRows(root, shape, size)));
    console.log(`  load average after: ${loadAverage()}`);
    return rows;
  });
}

/** `measure` in a new folder under the system temp folder, removed after. */
async function inImportFolder(measure: (root: string) => Promise<Row[]>): Promise<Row[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boothlink-bench-import-'));
  try {
    return await measure(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The same import into a fair that is full (a copy of the folder `fair`, holding `introductions`), as
 * an organiser who adds the late employers on the day: what it costs is the same work beside a large
 * state and its snapshots.
 */
export const importIntoFullFair = (fair: string, introductions: number, size: ImportBenchSize): Promise<Row[]> =>
  inImportFolder((root) => importRows(root, 'all', size, { fair, introductions }));

async function importRows(dir: string, shape: ImportShape, size: ImportBenchSize, into?: { fair: string; introductions: number }): Promise<Row[]> {
  const result = await runTask('import', { dir, shape, rows: size.rows, runs: size.runs, fair: into?.fair });
  const where = into ? `, into a fair of ${count(into.introductions)} intros` : '';
  for (const { boothsBefore, imported, listed } of result.runs) {
    const booths = boothsBefore + size.rows;
    if (imported.status !== 201 || imported.created !== size.rows || imported.errors !== 0 || imported.booths !== booths) {
      throw new Error(`The import answered ${imported.status} with ${imported.created} booths created and ${imported.errors} errors, ` +
        `the fair holding ${imported.booths}; expected 201 with ${size.rows} created and none refused, the fair holding ${booths}.`);
    }
    if (listed.status !== 200 || listed.listed !== booths) {
      throw new Error(`The booth list answered ${listed.status} with ${listed.listed} booths; expected 200 with ${booths}.`);
    }
  }
  const imports = result.runs.map((run) => run.imported);
  const lists = result.runs.map((run) => run.listed);
  const described = (runs: { ms: number; loopMaxMs: number }[]) =>
    `request to last byte ${runs.map((run) => ms(run.ms)).join(', ')}; server loop delay max ${runs.map((run) => ms(run.loopMaxMs)).join(', ')}`;
  console.log(`  ${count(size.rows)} ${LABELS[shape]}${where} (${mb(result.csvBytes)} of CSV, answer ${mb(imports[0]!.answerBytes)}): ${described(imports)}`);
  console.log(`    then GET ${ADMIN_BOOTHS} of ${count(result.runs[0]!.boothsBefore + size.rows)} booths (${mb(lists[0]!.answerBytes)}): ${described(lists)}`);
  const wall = median(imports.map((run) => run.ms));
  const worst = Math.max(...imports.map((run) => run.loopMaxMs));
  const listWorst = Math.max(...lists.map((run) => run.loopMaxMs));
  return [
    {
      benchmark: `CSV import, ${count(size.rows)} ${LABELS[shape]}${where}`, measured: ms(wall), baseline: '—', ratio: '—',
      goal: `≤ 1 s (${ratio(wall / IMPORT_GOAL_MS)} of it)`, verdict: verdict(wall <= IMPORT_GOAL_MS),
    },
    loopRow('  server event loop delay, max', worst),
    { benchmark: '  then the booth list', measured: ms(median(lists.map((run) => run.ms))), baseline: '—', ratio: '—', goal: '—', verdict: '' },
    loopRow('    server event loop delay, max', listWorst),
  ];
}
