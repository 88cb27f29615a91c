// The store's budgets (bench/README.md): start-up, CSV export and durable acknowledgement at
// 100,000 introductions. Builds one fair in a temporary folder, measures each budget in a fresh
// child process, prints what each figure was measured on, and returns the table rows.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, loadAverage, mb, median, ms, ratio, verdict } from '../numbers.ts';
import { BUILT_SERVER, SERVER_NODE_FLAGS } from '../serverFlags.ts';
import { EXPORT_FAIR_JSON } from '../../shared/api.ts';
import type { Row } from '../table.ts';
import { LOOP_RESOLUTION_MS } from './ack.ts';
import { durableAck } from './ackRows.ts';
import { runTask } from './child.ts';
import { BOOTHS } from './fair.ts';
import { describeFiles, settleDisk } from './folder.ts';
import { launchOnce, type Launch } from './launch.ts';
import { loopRow } from './loopWatch.ts';

export interface StoreBenchSize {
  introductions: number;
  /** The store's write window: long enough to hold the snapshot work of a busy day (see ack.ts). */
  ackSeconds: number;
  /**
   * The bare floor's window: as long as the store's, so that each meets as many of the disk's
   * stalls. Written in TURNS turns between the store's, each shorter than the store's idle time
   * before a snapshot.
   */
  bareSeconds: number;
  /** The bare writer once more in the store's process, after it: a contrast, not a baseline. */
  contrastSeconds: number;
  /** Repeats of each start-up and export measurement. */
  runs: number;
}

export const FULL: StoreBenchSize = { introductions: 100_000, ackSeconds: 100, bareSeconds: 100, contrastSeconds: 30, runs: 3 };
export const QUICK: StoreBenchSize = { introductions: 10_000, ackSeconds: 5, bareSeconds: 5, contrastSeconds: 5, runs: 2 };

const START_GOAL_MS = 1000;
/** The memory budget after start (bench/README.md): 100 MB plus 1.2 KB an introduction, in MB of 1,048,576 bytes. */
const MEMORY_BASE_BYTES = 100 * 1024 * 1024;
const MEMORY_PER_INTRODUCTION_BYTES = 1.2 * 1024;
const EXPORT_GOAL_MS = 1000;
const XLSX_GOAL_MS = 3000;
/** Files in each employer's package: introductions.csv and .xlsx, contacts.vcf, interviews.ics. */
const FILES_PER_PACKAGE = 4;
/** Files in the workbook's zip: content types, two relationship parts, workbook, styles, sheet. */
const XLSX_PARTS = 6;
/**
 * Students whose actions (about 2.1 records each) make the journal tail of the start after a crash:
 * 2,500 at 100,000 introductions, ~5,000 records, 50 s of writes at 100 a second.
 */
const TAIL_SHARE = 0.025;

export async function benchStore(size: StoreBenchSize): Promise<Row[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boothlink-bench-'));
  const fair = path.join(root, 'fair');
  const crashed = path.join(root, 'fair-crashed');
  const scratch = path.join(root, 'scratch');
  mkdirSync(scratch);
  try {
    const n = size.introductions;
    console.log(`\nStore benchmarks in ${root} (the bare-file baselines write there too: same disk).`);
    const built = await runTask('build', { dir: fair, introductions: n });
    const { counts } = built;
    console.log(`  Built ${count(counts.introductions)} introductions, ${count(counts.students)} students, ${count(counts.requests)} requests, ` +
      `${BOOTHS} booths in ${ms(built.committedMs)} (+ close ${ms(built.closeMs)}): ${describeFiles(built.files)}`);

    const tailStudents = Math.round(n * TAIL_SHARE);
    cpSync(fair, crashed, { recursive: true });
    const tail = await runTask('tail', { dir: crashed, from: n, introductions: tailStudents });
    console.log(`  Crash copy: ${count(tailStudents)} more students' actions in ${ms(tail.ms)}, then SIGKILL: ${describeFiles(tail.files)}`);

    return [
      ...(await startUp(`start-up, ${count(n)} intros, closed`, fair, n, scratch, size.runs)),
      ...(await startUp(`start-up, ${count(n + tailStudents)} after a crash`, crashed, n + tailStudents, scratch, size.runs)),
      ...(await csvExport(fair, size.runs)),
      ...(await xlsxExport(fair, size.runs, XLSX_GOAL_MS)),
      ...(await packagesExport(fair, size.runs)),
      ...(await fairJsonExport(fair, size.runs)),
      ...(await durableAck(fair, scratch, n, size)),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function startUp(label: string, dir: string, introductions: number, scratch: string, runs: number): Promise<Row[]> {
  const opened: number[] = [];
  const launched: Launch[] = [];
  const parsed: number[] = [];
  const parsedAll: number[] = [];
  let rss = 0;
  let tail = 0;
  for (let i = 0; i < runs; i++) {
    launched.push(await launchOnce(dir, path.join(scratch, 'launch')));
    settleDisk();
    const open = await runTask('open', { dir });
    opened.push(open.ms);
    rss = open.rssBytes;
    settleDisk();
    const parse = await runTask('parse', { dir });
    parsed.push(parse.neededMs);
    parsedAll.push(parse.allMs);
    tail = parse.recordsPastSnapshot;
  }
  const measured = median(launched.map((launch) => launch.ms));
  const baseline = median(parsed);
  const memory = median(launched.map((launch) => launch.allReadRssBytes));
  console.log(`  ${label} (${count(tail)} journal records past the snapshot): launch → /healthz ${launched.map((l) => ms(l.ms)).join(', ')} ` +
    `(node ${SERVER_NODE_FLAGS.join(' ')} ${BUILT_SERVER}, RSS then ${launched.map((l) => mb(l.rssBytes)).join(', ')}); ` +
    `→ the whole fair in memory ${launched.map((l) => ms(l.allReadMs)).join(', ')} (RSS then ${launched.map((l) => mb(l.allReadRssBytes)).join(', ')}); ` +
    `openFileStore → ready ${opened.map(ms).join(', ')} (process memory after ${mb(rss)}); ` +
    `read + JSON.parse of the files holding the fair ${parsed.map(ms).join(', ')} (of every file, backups too: ${parsedAll.map(ms).join(', ')}); ` +
    `load average ${loadAverage()}`);
  return launchRows(`${label}, tail ${count(tail)}: launch → /healthz`, { launchMs: measured, parseMs: baseline, rssBytes: memory, introductions }, START_GOAL_MS);
}

/**
 * The launch against `goalMs`, and the RSS once the server holds the whole fair (`rssBytes`: a
 * large db.json's entities are read after the first answer) against 100 MB + 1.2 KB an introduction.
 */
export function launchRows(label: string, m: { launchMs: number; parseMs: number; rssBytes: number; introductions: number }, goalMs: number): Row[] {
  const memoryGoal = MEMORY_BASE_BYTES + MEMORY_PER_INTRODUCTION_BYTES * m.introductions;
  return [
    {
      benchmark: label,
      measured: ms(m.launchMs),
      baseline: `${ms(m.parseMs)} read+parse`,
      ratio: ratio(m.launchMs / m.parseMs),
      goal: `≤ ${goalMs / 1000} s (${ratio(m.launchMs / goalMs)} of it)`,
      verdict: verdict(m.launchMs <= goalMs),
    },
    {
      benchmark: '  server RSS once the whole fair is read',
      measured: mb(m.rssBytes),
      baseline: '—',
      ratio: '—',
      goal: `≤ ${mb(memoryGoal)} (100 MB + 1.2 KB an intro; ${ratio(m.rssBytes / memoryGoal)} of it)`,
      verdict: verdict(m.rssBytes <= memoryGoal),
    },
  ];
}

/** Throws unless every download of the CSV was a 200 with a line per introduction and the header. */
export function expectWholeCsv(result: { introductions: number; runs: { status: number; lines: number }[] }): void {
  const expectedLines = result.introductions + 1; // the header
  for (const run of result.runs) {
    if (run.status !== 200 || run.lines !== expectedLines) {
      throw new Error(`The CSV export answered ${run.status} with ${run.lines} lines; expected 200 with ${expectedLines}.`);
    }
  }
}

async function csvExport(dir: string, runs: number): Promise<Row[]> {
  settleDisk();
  const result = await runTask('export', { dir, runs });
  expectWholeCsv(result);
  const stalls = result.runs.map((run) => run.loopMaxMs);
  console.log(`  CSV export of ${count(result.introductions)} rows (${mb(result.runs[0]!.bytes)}): download ${result.runs.map((run) => ms(run.ms)).join(', ')}; ` +
    `server loop delay max ${stalls.map(ms).join(', ')} (monitorEventLoopDelay, ${LOOP_RESOLUTION_MS} ms resolution, included); load average ${loadAverage()}`);
  return exportRows(`CSV export, ${count(result.introductions)} rows over HTTP`, result.runs, EXPORT_GOAL_MS);
}

/** The export's time (judged against `goalMs` when there is one) and the server's longest loop delay. */
export function exportRows(label: string, runs: { ms: number; loopMaxMs: number }[], goalMs: number | undefined): Row[] {
  const wall = median(runs.map((run) => run.ms));
  const worst = Math.max(...runs.map((run) => run.loopMaxMs));
  return [
    goalMs === undefined
      ? { benchmark: label, measured: ms(wall), baseline: '—', ratio: '—', goal: 'shown, no budget of its own', verdict: '—' }
      : { benchmark: label, measured: ms(wall), baseline: '—', ratio: '—', goal: `≤ ${goalMs / 1000} s (${ratio(wall / goalMs)} of it)`, verdict: verdict(wall <= goalMs) },
    loopRow('  server event loop delay, max', worst),
  ];
}

/** `goalMs`: the budget at 100,000 rows (XLSX_GOAL_MS); none at other sizes. */
export async function xlsxExport(dir: string, runs: number, goalMs: number | undefined): Promise<Row[]> {
  settleDisk();
  const result = await runTask('export', { dir, runs, path: '/api/admin/export/introductions.xlsx' });
  for (const run of result.runs) {
    if (run.status !== 200 || run.zipEntries !== XLSX_PARTS) {
      throw new Error(`The XLSX export answered ${run.status} with ${run.zipEntries} parts; expected 200 with ${XLSX_PARTS}.`);
    }
  }
  console.log(`  XLSX export of ${count(result.introductions)} rows (${mb(result.runs[0]!.bytes)}): download ${result.runs.map((run) => ms(run.ms)).join(', ')}; ` +
    `server loop delay max ${result.runs.map((run) => ms(run.loopMaxMs)).join(', ')}; load average ${loadAverage()}`);
  return exportRows(`XLSX export, ${count(result.introductions)} rows over HTTP`, result.runs, goalMs);
}

export async function packagesExport(dir: string, runs: number): Promise<Row[]> {
  settleDisk();
  const result = await runTask('export', { dir, runs, path: '/api/admin/export/booths.zip' });
  const expected = result.booths * FILES_PER_PACKAGE;
  for (const run of result.runs) {
    if (run.status !== 200 || run.zipEntries !== expected) {
      throw new Error(`The packages export answered ${run.status} with ${run.zipEntries} files; expected 200 with ${expected}.`);
    }
  }
  console.log(`  Every employer's package, ${count(result.booths)} booths, ${count(result.introductions)} introductions (${mb(result.runs[0]!.bytes)}): ` +
    `download ${result.runs.map((run) => ms(run.ms)).join(', ')}; server loop delay max ${result.runs.map((run) => ms(run.loopMaxMs)).join(', ')}; load average ${loadAverage()}`);
  return exportRows(`Packages, ${count(result.booths)} booths, ${count(result.introductions)} intros`, result.runs, undefined);
}

/** The organiser's whole-fair JSON: no time budget of its own, the loop-block budget as every export. */
export async function fairJsonExport(dir: string, runs: number): Promise<Row[]> {
  settleDisk();
  const result = await runTask('export', { dir, runs, path: EXPORT_FAIR_JSON });
  for (const run of result.runs) {
    if (run.status !== 200 || run.json !== true) throw new Error(`The fair.json export answered ${run.status}, ${run.json ? 'JSON' : 'not JSON'}; expected 200 with JSON.`);
  }
  console.log(`  fair.json, ${count(result.introductions)} introductions (${mb(result.runs[0]!.bytes)}): download ${result.runs.map((run) => ms(run.ms)).join(', ')}; ` +
    `server loop delay max ${result.runs.map((run) => ms(run.loopMaxMs)).join(', ')}; load average ${loadAverage()}`);
  return exportRows(`fair.json export, ${count(result.introductions)} intros`, result.runs, undefined);
}
