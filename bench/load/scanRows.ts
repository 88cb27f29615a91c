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

/** Our server's scans and the floor's, made in turns in one run (generator.ts). */
export function scanRows(size: LoadBenchSize, tablets: number, ours: ScanResult, floor: ScanResult): Row[] {
  console.log(describe('Boothlink', ours));
  console.log(describe('Floor', floor));
  const [p99, floorP99] = [ours.p99, floor.p99];
  const p50Ratio = percentile(ours.latencies, 50) / percentile(floor.latencies, 50);
  const complete = [ours, floor].every((result) => result.received === result.expected && result.refused === 0);
  return [
    {
      benchmark: `scan → tablets p99, ${count(size.phones)} phones + ${count(tablets)} tablets, ${size.scansPerSecond}/s`,
      measured: ms(p99),
      baseline: `${ms(floorP99)} fdatasync+relay`,
      ratio: ratio(p99 / floorP99),
      goal: `≤ ${LATENCY_GOAL}×`,
      verdict: complete ? verdict(p99 / floorP99 <= LATENCY_GOAL) : 'INVALID (lost or refused scans)',
    },
    { benchmark: '  scan → tablets p50', measured: ms(percentile(ours.latencies, 50)), baseline: `${ms(percentile(floor.latencies, 50))} fdatasync+relay`, ratio: ratio(p50Ratio), goal: '—', verdict: '' },
  ];
}
