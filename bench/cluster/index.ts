// Past one machine (BENCH_ONLY=cluster): the fair on two server processes, PostgreSQL and Redis.
// Scan → tablet with the phone and the tablet on different processes, against the single-process
// server in the same run (goal ≤ 2×), and the durable acknowledgement against a bare PostgreSQL
// INSERT + COMMIT of the same bytes (goal ≤ 1.5×). Needs the PostgreSQL and Redis that the tests
// use (BENCH_DATABASE_URL / BENCH_REDIS_URL, else DATABASE_URL / REDIS_URL, else the local
// defaults); each run's fair gets a schema of its own, dropped after.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { count, loadAverage, ms, ratio, verdict } from '../numbers.ts';
import { SERVER_NODE_FLAGS } from '../serverFlags.ts';
import { alternately, TURNS } from '../store/child.ts';
import type { Row } from '../table.ts';
import type { BoothSetup } from '../load/boothlinkServer.ts';
import { startChild, type Child } from '../load/child.ts';
import type { ClusterServerArgs } from '../load/clusterServer.ts';
import { compileChildren, type Entry } from '../load/compile.ts';
import type { ScanArgs } from '../load/generator.ts';
import { describe, type ScanResult } from '../load/scanRows.ts';
import { fairIdsIn, forgetStreams } from '../../tests/postgres/fairKeys.ts';
import { probePostgres, probeRedis } from '../../tests/postgres/services.ts';

export interface ClusterBenchSize {
  phones: number;
  booths: number;
  tabletsPerBooth: number;
  scansPerSecond: number;
  seconds: number;
  ackSeconds: number;
}

export const FULL_CLUSTER: ClusterBenchSize = { phones: 2000, booths: 100, tabletsPerBooth: 2, scansPerSecond: 100, seconds: 30, ackSeconds: 30 };
export const QUICK_CLUSTER: ClusterBenchSize = { phones: 200, booths: 10, tabletsPerBooth: 2, scansPerSecond: 100, seconds: 5, ackSeconds: 5 };

const SCAN_GOAL = 2;
const ACK_GOAL = 1.5;
const READY_TIMEOUT_MS = 120_000;
const ACK_PER_SECOND = 100;

const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Why the services cannot be used, or undefined. */
async function unavailable(): Promise<string | undefined> {
  const postgres = await probePostgres(databaseUrl);
  if (postgres !== undefined) return `no PostgreSQL at ${new URL(databaseUrl).host} (${postgres})`;
  const redis = await probeRedis(redisUrl);
  return redis === undefined ? undefined : `no Redis at ${new URL(redisUrl).host} (${redis})`;
}

/** A new schema for one fair; its address, and how to drop it. */
async function freshFair(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `boothlink_bench_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      await forgetStreams(redisUrl, await fairIdsIn(databaseUrl, [schema])); // the fair's stream of pushes, in Redis
      await run(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

type Files = Record<Entry, string>;

/**
 * Our single process on the file store and two processes of one fair, all up at once, taking turns
 * a second of scans at a time (the generator's TURN_SECONDS), so a disk stall or a busy minute
 * weighs on both sides alike.
 */
async function scanRun(files: Files, size: ClusterBenchSize): Promise<{ one: ScanResult; two: ScanResult }> {
  const started: Child[] = [];
  const fair = await freshFair();
  try {
    const flags = ['--expose-gc', ...SERVER_NODE_FLAGS];
    const setUp = { booths: size.booths, tabletsPerBooth: size.tabletsPerBooth };
    const single = startChild(files.boothlinkServer, setUp, flags);
    const first = startChild(files.clusterServer, { databaseUrl: fair.url, redisUrl, setUp } satisfies ClusterServerArgs, flags);
    started.push(single, first);
    type Ready = { port: number; booths: BoothSetup[] };
    const [oneReady, firstReady] = await Promise.all([single.next<Ready>('ready', READY_TIMEOUT_MS), first.next<Ready>('ready', READY_TIMEOUT_MS)]);
    const second = startChild(files.clusterServer, { databaseUrl: fair.url, redisUrl } satisfies ClusterServerArgs, flags);
    started.push(second);
    const secondPort = (await second.next<{ port: number }>('ready', READY_TIMEOUT_MS)).port;
    const args: ScanArgs = {
      mode: 'scan', phones: size.phones, scansPerSecond: size.scansPerSecond, seconds: size.seconds,
      sides: [
        { target: 'boothlink', urls: [`http://127.0.0.1:${oneReady.port}`], booths: oneReady.booths },
        { target: 'boothlink', urls: [`http://127.0.0.1:${firstReady.port}`, `http://127.0.0.1:${secondPort}`], booths: firstReady.booths },
      ],
    };
    const generator = startChild(files.generator, args);
    started.push(generator);
    const [one, two] = await generator.next<ScanResult[]>('result', READY_TIMEOUT_MS + size.seconds * 2 * 1000 + 60_000);
    return { one: one!, two: two! };
  } finally {
    for (const child of started.reverse()) await child.stop();
    await fair.drop();
  }
}

async function scanRows(size: ClusterBenchSize): Promise<Row[]> {
  const { dir, files } = await compileChildren();
  try {
    const { one, two } = await scanRun(files, size);
    console.log(`${describe('one process (file store)', one)}; ${count(one.latencies.length)} timed`);
    console.log(`${describe('two processes (phone and tablet on different ones)', two)}; ${count(two.latencies.length)} timed`);
    const complete = [one, two].every((result) => result.received === result.expected && result.refused === 0);
    const scanRatio = two.p99 / one.p99;
    console.log(`  Load average after the scans: ${loadAverage()}.`);
    return [{
      benchmark: `scan → tablet on another process p99, ${count(size.phones)} phones + ${count(size.booths * size.tabletsPerBooth)} tablets over 2`,
      measured: ms(two.p99),
      baseline: `${ms(one.p99)} one process`,
      ratio: ratio(scanRatio),
      goal: `≤ ${SCAN_GOAL}×`,
      verdict: complete ? verdict(scanRatio <= SCAN_GOAL) : 'INVALID (lost or refused scans)',
    }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ackRows(size: ClusterBenchSize): Promise<Row[]> {
  const fair = await freshFair();
  try {
    const pace = { seconds: size.ackSeconds, perSecond: ACK_PER_SECOND };
    const [store, bare] = await alternately(
      { name: 'ackPgStore', args: { ...pace, databaseUrl: fair.url, from: 1_000_000 } },
      { name: 'ackPgBare', args: { ...pace, databaseUrl: fair.url, from: 0 } },
    );
    console.log(`  Durable ack on PostgreSQL, ${ACK_PER_SECOND}/s for ${size.ackSeconds} s each, the store and the bare insert taking turns (${TURNS} turns each; load average ${loadAverage()}):`);
    console.log(`    bare INSERT + COMMIT (${count(bare.lineBytes)} bytes, synchronous commit): p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}, max ${ms(bare.max)}`);
    console.log(`    store turn + commit: p50 ${ms(store.p50)}, p99 ${ms(store.p99)}, max ${ms(store.max)}; ${store.lateStarts} writes started > 5 ms late`);
    const ackRatio = store.p99 / bare.p99;
    return [{
      benchmark: `durable ack p99 on PostgreSQL, ${ACK_PER_SECOND}/s`,
      measured: ms(store.p99),
      baseline: `${ms(bare.p99)} bare insert`,
      ratio: ratio(ackRatio),
      goal: `≤ ${ACK_GOAL}×`,
      verdict: verdict(ackRatio <= ACK_GOAL),
    }];
  } finally {
    await fair.drop();
  }
}

export async function benchCluster(size: ClusterBenchSize): Promise<Row[]> {
  console.log(`\nPast one machine (2 server processes, PostgreSQL ${new URL(databaseUrl).host}, Redis ${new URL(redisUrl).host}; load average ${loadAverage()}).`);
  const why = await unavailable();
  if (why !== undefined) {
    console.log(`  SKIPPED: ${why}. Start PostgreSQL and Redis, or set BENCH_DATABASE_URL and BENCH_REDIS_URL.`);
    return [];
  }
  return [...(await ackRows(size)), ...(await scanRows(size))];
}
