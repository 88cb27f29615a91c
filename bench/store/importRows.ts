// The CSV import in the table (issue #11): 10,000 booths in one request, each file imported into a
// new empty fair, timed by the client from request to last byte while the server's loop is watched.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, mb, median, ms, ratio, verdict } from '../numbers.ts';
import type { Row } from '../table.ts';
import { LOOP_RESOLUTION_MS } from './ack.ts';
import { runTask } from './child.ts';
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
const loadAverage = (): string => os.loadavg().map((load) => load.toFixed(2)).join(' ');
const LOOP_BLOCK_GOAL_MS = 50;

const LABELS: Record<ImportShape, string> = {
  one: 'one-column rows',
  all: 'rows of 6 columns',
};

export async function benchImport(size: ImportBenchSize): Promise<Row[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boothlink-bench-import-'));
  try {
    console.log(`\nCSV import in ${root}: each run posts the file to a new empty fair (file store) from another process ` +
      `(${os.cpus().length} CPUs; load average ${loadAverage()}).`);
    const rows: Row[] = [];
    for (const shape of ['one', 'all'] as const) rows.push(...(await importRows(root, shape, size)));
    console.log(`  load average after: ${loadAverage()}`);
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function importRows(dir: string, shape: ImportShape, size: ImportBenchSize): Promise<Row[]> {
  const result = await runTask('import', { dir, shape, rows: size.rows, runs: size.runs });
  for (const run of result.runs) {
    if (run.status !== 201 || run.created !== size.rows || run.errors !== 0 || run.booths !== size.rows) {
      throw new Error(`The import answered ${run.status} with ${run.created} booths created and ${run.errors} errors, ` +
        `the fair holding ${run.booths}; expected 201 with ${size.rows} created and none refused.`);
    }
  }
  const wall = median(result.runs.map((run) => run.ms));
  const stalls = result.runs.map((run) => run.loopMaxMs);
  const worst = Math.max(...stalls);
  console.log(`  ${count(size.rows)} ${LABELS[shape]} (${mb(result.csvBytes)} of CSV, answer ${mb(result.runs[0]!.answerBytes)}): ` +
    `request to last byte ${result.runs.map((run) => ms(run.ms)).join(', ')}; ` +
    `server loop delay max ${stalls.map(ms).join(', ')} (monitorEventLoopDelay, ${LOOP_RESOLUTION_MS} ms resolution, included)`);
  return [
    {
      benchmark: `CSV import, ${count(size.rows)} ${LABELS[shape]}`, measured: ms(wall), baseline: '—', ratio: '—',
      goal: `≤ 1 s (${ratio(wall / IMPORT_GOAL_MS)} of it)`, verdict: verdict(wall <= IMPORT_GOAL_MS),
    },
    {
      benchmark: '  server event loop delay, max', measured: ms(worst), baseline: '—', ratio: '—',
      goal: `≤ 50 ms (${ratio(worst / LOOP_BLOCK_GOAL_MS)} of it)`, verdict: verdict(worst <= LOOP_BLOCK_GOAL_MS),
    },
  ];
}
