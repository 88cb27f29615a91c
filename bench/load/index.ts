// The realtime budgets of bench/README.md, measured against bare socket.io in the same run:
// scan → tablet latency (p99 ≤ 1.2× a bare server that fdatasyncs and relays) and server memory
// with thousands of phones connected (each costs ≤ 1.3× what it costs a bare server, ours holding a
// fair of 100,000 introductions). Each server and the load generator run in their own process
// (child.ts); only loopback is used.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, loadAverage, mb, ms, ratio, verdict } from '../numbers.ts';
import { SERVER_NODE_FLAGS } from '../serverFlags.ts';
import { runTask } from '../store/child.ts';
import type { Row } from '../table.ts';
import type { BoothSetup, ServerArgs } from './boothlinkServer.ts';
import { startChild, type Child } from './child.ts';
import { compileChildren, type Entry } from './compile.ts';
import type { IdleArgs, ScanArgs } from './generator.ts';
import type { MemoryReading } from './memory.ts';
import { FLOOR_NOTE, scanRows, type ScanResult } from './scanRows.ts';

export interface LoadBenchSize {
  phones: number;
  booths: number;
  tabletsPerBooth: number;
  scansPerSecond: number;
  seconds: number;
  idlePhones: number;
  /** The introductions of the fair our server holds while the idle phones connect. */
  fairIntroductions: number;
}

export const FULL: LoadBenchSize = { phones: 2000, booths: 100, tabletsPerBooth: 2, scansPerSecond: 100, seconds: 30, idlePhones: 5000, fairIntroductions: 100_000 };
export const QUICK: LoadBenchSize = { phones: 200, booths: 10, tabletsPerBooth: 2, scansPerSecond: 100, seconds: 5, idlePhones: 500, fairIntroductions: 10_000 };

const MEMORY_GOAL = 1.3;
const READY_TIMEOUT_MS = 60_000;
const CONNECT_ALL_TIMEOUT_MS = 120_000;
const SERVER_FLAGS = ['--expose-gc', ...SERVER_NODE_FLAGS];
/** BENCH_LOAD_PROFILE=<folder>: each of our server's scan runs writes a V8 CPU profile there (open it in Chrome DevTools). */
const PROFILE_DIR = process.env.BENCH_LOAD_PROFILE;
const PROFILE_FLAGS = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];

interface Ready { port: number; booths?: BoothSetup[] }


async function withChildren<T>(run: (started: Child[]) => Promise<T>): Promise<T> {
  const started: Child[] = [];
  try {
    return await run(started);
  } finally {
    for (const child of started.reverse()) await child.stop();
  }
}

type Files = Record<Entry, string>;

/**
 * Our server and the floor, both up at once, taking turns a second of scans at a time (the
 * generator's TURN_SECONDS): a disk that stalls or a machine that gets busy weighs on both alike.
 * The floor's line is as long as our journal's record of an introduction, asked of our server once
 * its first turn has made some.
 */
async function scanRuns(files: Files, size: LoadBenchSize): Promise<{ ours: ScanResult; floor: ScanResult; journal: { bytes: number; records: number } }> {
  return withChildren(async (started) => {
    const server = startChild(files.boothlinkServer, { booths: size.booths, tabletsPerBooth: size.tabletsPerBooth }, [...SERVER_FLAGS, ...PROFILE_FLAGS]);
    started.push(server);
    const floor = startChild(files.floorServer, { recovery: false }, SERVER_FLAGS);
    started.push(floor);
    const [oursReady, floorReady] = await Promise.all([server.next<Ready>('ready', READY_TIMEOUT_MS), floor.next<Ready>('ready', READY_TIMEOUT_MS)]);
    const booths = oursReady.booths!;
    const args: ScanArgs = {
      mode: 'scan', phones: size.phones, scansPerSecond: size.scansPerSecond, seconds: size.seconds,
      sides: [
        { target: 'boothlink', urls: [`http://127.0.0.1:${oursReady.port}`], booths },
        { target: 'floor', urls: [`http://127.0.0.1:${floorReady.port}`], booths },
      ],
    };
    const generator = startChild(files.generator, args);
    started.push(generator);
    await generator.next('lineBytes', CONNECT_ALL_TIMEOUT_MS + 20_000);
    server.send('journal');
    const journal = await server.next<{ bytes: number; records: number }>('journal', 10_000);
    generator.send(String(journal.bytes));
    const [boothlink, bare] = await generator.next<ScanResult[]>('result', size.seconds * 2 * 1000 + 60_000);
    return { ours: boothlink!, floor: bare!, journal };
  });
}

async function memoryRun(files: Files, size: LoadBenchSize, server: Child) {
  const ready = await server.next<Ready>('ready', READY_TIMEOUT_MS);
  server.send('memory');
  const empty = await server.next<MemoryReading>('memory', 30_000);
  const args: IdleArgs = { mode: 'idle', url: `http://127.0.0.1:${ready.port}`, phones: size.idlePhones };
  const generator = startChild(files.generator, args);
  try {
    const connected = await generator.next<{ phones: number; ms: number }>('connected', CONNECT_ALL_TIMEOUT_MS);
    server.send('memory');
    const full = await server.next<MemoryReading>('memory', 30_000);
    return { empty, full, connectMs: connected.ms };
  } finally {
    await generator.stop();
  }
}

const memoryOf = (files: Files, size: LoadBenchSize, server: Entry, args: unknown) =>
  withChildren(async (started) => {
    const child = startChild(files[server], args, SERVER_FLAGS);
    started.push(child);
    return memoryRun(files, size, child);
  });

export async function benchLoad(size: LoadBenchSize): Promise<Row[]> {
  const { dir, files } = await compileChildren();
  try {
    return await measure(files, size);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(files: Files, size: LoadBenchSize): Promise<Row[]> {
  const tablets = size.booths * size.tabletsPerBooth;
  console.log(`\nLoad benchmarks (loopback; server and load generator in separate processes; ${os.cpus().length} CPUs; load average ${loadAverage()}).`);

  const { ours, floor, journal } = await scanRuns(files, size);
  console.log(`  ${FLOOR_NOTE} Line: ${count(journal.bytes)} bytes, the median journal record of an introduction on our server (${count(journal.records)} records).`);
  const rows = scanRows(size, tablets, ours, floor);
  console.log(`  Load average after the scan runs: ${loadAverage()}.`);

  const fair = mkdtempSync(path.join(os.tmpdir(), 'boothlink-load-fair-'));
  const boothlink = await runTask('build', { dir: path.join(fair, 'fair'), introductions: size.fairIntroductions })
    .then(() => memoryOf(files, size, 'boothlinkServer', { fair: path.join(fair, 'fair') } satisfies ServerArgs))
    .finally(() => rmSync(fair, { recursive: true, force: true }));
  const bare = await memoryOf(files, size, 'floorServer', { recovery: false });
  const bareRecovery = await memoryOf(files, size, 'floorServer', { recovery: true });
  const perPhone = (m: typeof boothlink) => (m.full.rssBytes - m.empty.rssBytes) / size.idlePhones;
  const describe = (label: string, m: typeof boothlink) =>
    `  ${label}: RSS ${mb(m.empty.rssBytes)} with no phones → ${mb(m.full.rssBytes)} with ${count(size.idlePhones)} ` +
    `(heap ${mb(m.full.heapUsedBytes)}, buffers ${mb(m.full.externalBytes)}; ` +
    `${(perPhone(m) / 1024).toFixed(1)} KB a phone; connected in ${ms(m.connectMs)})`;
  console.log(describe(`Boothlink server (fair of ${count(size.fairIntroductions)} introductions)`, boothlink));
  console.log(describe('bare socket.io', bare));
  console.log(describe('bare socket.io + connectionStateRecovery (30 s), for reference', bareRecovery));
  console.log('  Every process runs compiled JavaScript on plain node (no TypeScript loader in the figures). ' +
    'RSS read after a forced full GC (--expose-gc) and a 2 s settle. Idle phones get no broadcasts, so the recovery buffers ' +
    'hold almost nothing here; under scans socket.io keeps every broadcast packet for 30 s, and a dropped socket\'s session for as long.');
  console.log(`  Load average after the memory runs: ${loadAverage()}.`);
  // What each phone costs, as DESIGN.md budgets it: the fair's own memory is the start-up rows' budget.
  const memoryRatio = perPhone(boothlink) / perPhone(bare);
  rows.push({
    benchmark: `server RSS a phone, ${count(size.idlePhones)} idle phones, ${count(size.fairIntroductions)} intros`,
    measured: `${(perPhone(boothlink) / 1024).toFixed(1)} KB`,
    baseline: `${(perPhone(bare) / 1024).toFixed(1)} KB bare socket.io`,
    ratio: ratio(memoryRatio),
    goal: `≤ ${MEMORY_GOAL}×`,
    verdict: verdict(memoryRatio <= MEMORY_GOAL),
  });
  return rows;
}
