// Turns the scan runs (our server's and the floor's, interleaved) into table rows, and says what
// could make the figures untrustworthy: lost notifications, refused scans, a late or lagging generator.
import { count, ms, percentile, ratio, verdict } from '../numbers.ts';
import type { Row } from '../table.ts';
import type { LoadBenchSize } from './index.ts';

export interface ScanResult {
  clients: { phones: number; tablets: number };
  setupMs: number;
  scans: number;
  expected: number;
  received: number;
  refused: number;
  firstRefusal: string;
  /** Every notification's latency, ms. */
  latencies: number[];
  p99: number;
  ackP99: number;
  emitLatenessP99: number;
  emitLatenessMax: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** One scan run, in the order the runs were made. */
export interface ScanRun {
  server: 'Boothlink' | 'Floor';
  result: ScanResult;
}

export const FLOOR_NOTE = 'Floor: bare socket.io that appends each scan as a JSON line with group commit ' +
  '(lines that arrive during an fdatasync share the next write + fdatasync, as our journal does), relays only after the sync, then acks.';
/** DESIGN.md section 6; the table judged against 1.5× until issue #14. */
const LATENCY_GOAL = 1.2;
/** Past this, the generator itself queues events and the latencies include its own delay. */
const GENERATOR_LAG_WARNING_MS = 20;

/** One scan run as a line, with what could make its figures untrustworthy. */
export function describe(label: string, r: ScanResult): string {
  const warnings: string[] = [];
  if (r.loopDelayMaxMs > GENERATOR_LAG_WARNING_MS) {
    warnings.push(`WARNING: the generator's event loop lagged ${ms(r.loopDelayMaxMs)} (> ${GENERATOR_LAG_WARNING_MS} ms): latencies include client-side queueing`);
  }
  if (r.received < r.expected) warnings.push(`WARNING: ${count(r.expected - r.received)} notifications never arrived`);
  if (r.refused > 0) warnings.push(`WARNING: ${count(r.refused)} scans refused or unanswered (first: ${r.firstRefusal})`);
  return `  ${label}: ${count(r.clients.phones)} phones + ${count(r.clients.tablets)} tablets connected in ${ms(r.setupMs)}; ` +
    `${count(r.scans)} scans → ${count(r.received)}/${count(r.expected)} notifications; p50 ${ms(percentile(r.latencies, 50))}, p99 ${ms(r.p99)}, ` +
    `max ${ms(percentile(r.latencies, 100))}; phone's ack p99 ${ms(r.ackP99)}; generator: emit late p99 ${ms(r.emitLatenessP99)} (max ${ms(r.emitLatenessMax)}), ` +
    `loop delay p99 ${ms(r.loopDelayP99Ms)}, max ${ms(r.loopDelayMaxMs)}` + warnings.map((w) => `\n    ${w}`).join('');
}

/** The latencies of all of one server's runs, as one sample. */
function pooled(runs: readonly ScanRun[], server: ScanRun['server']) {
  const latencies = runs.filter((run) => run.server === server).flatMap((run) => run.result.latencies);
  return { notifications: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100) };
}

export function scanRows(size: LoadBenchSize, tablets: number, runs: readonly ScanRun[]): Row[] {
  const made = { Boothlink: 0, Floor: 0 };
  const of = { Boothlink: 0, Floor: 0 };
  for (const { server } of runs) of[server] += 1;
  for (const { server, result } of runs) console.log(describe(`${server}, run ${(made[server] += 1)} of ${of[server]}`, result));
  const ours = pooled(runs, 'Boothlink');
  const floor = pooled(runs, 'Floor');
  const line = (p: typeof ours) => `p50 ${ms(p.p50)}, p99 ${ms(p.p99)}, max ${ms(p.max)} (${count(p.notifications)} notifications)`;
  console.log(`  Pooled: Boothlink ${line(ours)}; floor ${line(floor)}.`);
  const complete = runs.every(({ result }) => result.received === result.expected && result.refused === 0);
  const p99Ratio = ours.p99 / floor.p99;
  return [
    {
      benchmark: `scan → tablets p99, ${count(size.phones)} phones + ${count(tablets)} tablets, ${size.scansPerSecond}/s`,
      measured: ms(ours.p99),
      baseline: `${ms(floor.p99)} fdatasync+relay`,
      ratio: ratio(p99Ratio),
      goal: `≤ ${LATENCY_GOAL}×`,
      verdict: complete ? verdict(p99Ratio <= LATENCY_GOAL) : 'INVALID (lost or refused scans)',
    },
    { benchmark: '  scan → tablets p50', measured: ms(ours.p50), baseline: `${ms(floor.p50)} fdatasync+relay`, ratio: ratio(ours.p50 / floor.p50), goal: '—', verdict: '' },
  ];
}
