// How the figures grow with the fair: fairs of 10,000, 100,000 and 300,000 introductions, each
// built the same way (fair.ts), and for each the start as the organiser meets it (launch.ts), the
// read + JSON.parse floor, the resident memory then, and the CSV export over HTTP with the server's
// longest event-loop block. Prints the growth table and names each figure that grows faster than
// the fair: past 1.2 times the growth of the introductions between two sizes. The largest fair gets
// the other exports too (XLSX, every employer's package, fair.json), each with its loop block, a
// phone's and a tablet's first requests right after a start, with the loop block while the indexes
// are built, and the largest booth import, into that fair.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, loadAverage, mb, median, ms } from '../numbers.ts';
import type { Row } from '../table.ts';
import { runTask } from './child.ts';
import { settleDisk } from './folder.ts';
import { exportRows, expectWholeCsv, fairJsonExport, launchRows, packagesExport, xlsxExport } from './index.ts';
import { FULL_IMPORT, importIntoFullFair } from './importRows.ts';
import { loopRow } from './loopWatch.ts';
import { launchOnce } from './launch.ts';

export const GROWTH_SIZES = [10_000, 100_000, 300_000];
export const QUICK_GROWTH_SIZES = [2_000, 10_000];
/** Budgets at the largest fair (bench/README.md); its RSS and loop-block budgets are index.ts's. */
const LAUNCH_GOAL_MS = 3000;
const CSV_GOAL_MS = 3000;
/** Growth past this times the growth of the fair counts as faster than linear (noise allowed for). */
const SUPERLINEAR = 1.2;
const RUNS = 3;

interface Measured {
  introductions: number;
  dbBytes: number;
  launchMs: number;
  parseMs: number;
  /** At the first answer. */
  firstRssBytes: number;
  /** Once the whole fair is read (Launch.allReadRssBytes). */
  rssBytes: number;
  /** From launch until then. */
  allReadMs: number;
  csvMs: number;
  loopMaxMs: number;
  csvRuns: { ms: number; loopMaxMs: number }[];
}

const FIGURES: { name: string; of: (m: Measured) => number; show: (value: number) => string }[] = [
  { name: 'db.json', of: (m) => m.dbBytes, show: mb },
  { name: 'launch → /healthz', of: (m) => m.launchMs, show: ms },
  { name: 'read + JSON.parse floor', of: (m) => m.parseMs, show: ms },
  { name: 'RSS at first answer', of: (m) => m.firstRssBytes, show: mb },
  { name: 'whole fair read', of: (m) => m.allReadMs, show: ms },
  { name: 'RSS then', of: (m) => m.rssBytes, show: mb },
  { name: 'CSV export', of: (m) => m.csvMs, show: ms },
  { name: "export's longest loop block", of: (m) => m.loopMaxMs, show: ms },
];

export async function benchGrowth(sizes: readonly number[]): Promise<Row[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boothlink-bench-growth-'));
  try {
    console.log(`\nGrowth: fairs of ${sizes.map(count).join(', ')} introductions in ${root}; median of ${RUNS} runs each.`);
    const measured: Measured[] = [];
    let otherExports: Row[] = [];
    for (const introductions of sizes) {
      const largest = introductions === sizes.at(-1);
      measured.push(await measureSize(root, introductions, async (dir) => {
        if (!largest) return;
        otherExports = [
          ...(await firstPhone(dir)), ...(await importIntoFullFair(dir, introductions, FULL_IMPORT)),
          ...(await xlsxExport(dir, RUNS, undefined)), ...(await packagesExport(dir, 1)), ...(await fairJsonExport(dir, RUNS)),
        ];
      }));
    }
    printGrowth(measured);
    return [...budgetRows(measured.at(-1)!), ...otherExports];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function measureSize(root: string, introductions: number, more: (dir: string) => Promise<void>): Promise<Measured> {
  const dir = path.join(root, `fair-${introductions}`);
  const scratch = path.join(root, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const built = await runTask('build', { dir, introductions });
  const launches = [];
  const parses = [];
  for (let i = 0; i < RUNS; i++) {
    launches.push(await launchOnce(dir, path.join(scratch, 'launch')));
    settleDisk();
    parses.push((await runTask('parse', { dir })).neededMs);
  }
  settleDisk();
  const csv = await runTask('export', { dir, runs: RUNS });
  expectWholeCsv(csv);
  const result: Measured = {
    introductions: built.counts.introductions,
    dbBytes: statSync(path.join(dir, 'db.json')).size,
    launchMs: median(launches.map((launch) => launch.ms)),
    parseMs: median(parses),
    firstRssBytes: median(launches.map((launch) => launch.rssBytes)),
    allReadMs: median(launches.map((launch) => launch.allReadMs)),
    rssBytes: median(launches.map((launch) => launch.allReadRssBytes)),
    csvMs: median(csv.runs.map((run) => run.ms)),
    loopMaxMs: Math.max(...csv.runs.map((run) => run.loopMaxMs)),
    csvRuns: csv.runs,
  };
  console.log(`  ${count(result.introductions)} introductions: launch → /healthz ${launches.map((l) => ms(l.ms)).join(', ')}; ` +
    `RSS then ${launches.map((l) => mb(l.rssBytes)).join(', ')}; whole fair read ${launches.map((l) => ms(l.allReadMs)).join(', ')}, ` +
    `RSS then ${launches.map((l) => mb(l.allReadRssBytes)).join(', ')}; read + parse ${parses.map(ms).join(', ')}; ` +
    `CSV ${csv.runs.map((run) => ms(run.ms)).join(', ')}, loop block max ${csv.runs.map((run) => ms(run.loopMaxMs)).join(', ')}; load average ${loadAverage()}`);
  await more(dir);
  rmSync(dir, { recursive: true, force: true });
  return result;
}

function printGrowth(measured: readonly Measured[]): void {
  const header = ['introductions', ...FIGURES.map((f) => f.name)];
  const rows = measured.map((m) => [count(m.introductions), ...FIGURES.map((f) => f.show(f.of(m)))]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`;
  console.log('\n' + line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  const faster: string[] = [];
  for (let i = 1; i < measured.length; i++) {
    const [from, to] = [measured[i - 1]!, measured[i]!];
    const fair = to.introductions / from.introductions;
    for (const figure of FIGURES) {
      const grew = figure.of(to) / figure.of(from);
      if (grew > SUPERLINEAR * fair) faster.push(`${figure.name} ×${grew.toFixed(1)} from ${count(from.introductions)} to ${count(to.introductions)} (the fair ×${fair.toFixed(0)})`);
    }
  }
  console.log(faster.length === 0
    ? '  No figure grows faster than the fair.'
    : `  Faster than the fair: ${faster.join('; ')}.`);
}

/** A phone's and a tablet's first requests right after a start, while the indexes are built and the fair read in turns (firstRequests.ts). */
async function firstPhone(dir: string): Promise<Row[]> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    settleDisk();
    runs.push(await runTask('firstRequests', { dir }));
  }
  const n = count(runs[0]!.introductions);
  console.log(`  First phone and tablet after a start, ${n} introductions: phone answered in ${runs.map((run) => ms(run.answeredMs)).join(', ')}; ` +
    `tablet paired and shown its ${count(runs[0]!.visitors)} visitors by ${runs.map((run) => ms(run.tabletMs)).join(', ')}; ` +
    `server loop delay max ${runs.map((run) => ms(run.loopMaxMs)).join(', ')} (until the indexes were built and the whole fair read, ` +
    `${runs.map((run) => ms(run.wholeFairMs)).join(', ')} after the start began); load average ${loadAverage()}`);
  const worst = Math.max(...runs.map((run) => run.loopMaxMs));
  return [loopRow(`first phone and tablet after a start, ${n} intros: loop max`, worst)];
}

function budgetRows(largest: Measured): Row[] {
  const n = count(largest.introductions);
  return [
    ...launchRows(`launch → /healthz, ${n} intros`, largest, LAUNCH_GOAL_MS),
    ...exportRows(`CSV export, ${n} rows over HTTP`, largest.csvRuns, CSV_GOAL_MS),
  ];
}
