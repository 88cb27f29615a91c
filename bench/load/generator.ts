// Child process: the load generator. Real socket.io clients over WebSocket on loopback, one
// connection each (forceNew), the way the phones and tablets of a fair connect.
//   scan: phones + tablets connect to each side (a server, or the processes of one fair); then the
//         sides take turns, a second of scans each, `scansPerSecond` for `seconds` on each side:
//         each scan a phone sharing its details with a booth it has not met, timed from the phone's
//         emit to each of that booth's tablets hearing `visitor:changed` (emitter and tablets share
//         this process's clock). A turn ends once its scans are acknowledged and heard.
//   idle: phones connect and load their state once, then sit idle until told to stop.
// Says `@@result` (scan) or `@@connected` (idle). Every wait is bounded.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect, type Socket } from 'socket.io-client';
import { studentIdFor } from '../../server/ids.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { percentile } from '../numbers.ts';
import { actionId, profileOf } from '../store/fair.ts';
import type { BoothSetup } from './boothlinkServer.ts';
import { onCommand, say } from './child.ts';

export type Target = 'boothlink' | 'floor';

/** One side of a comparison: a server, or the processes of one fair past one machine. */
export interface ScanSide {
  target: Target;
  /**
   * The processes' addresses. Phone n connects to `urls[n % urls.length]`, each booth's tablet t
   * to `urls[t % urls.length]`; with more than one, only the notifications of a tablet on another
   * process than the phone's are timed.
   */
  urls: string[];
  booths: BoothSetup[];
  /**
   * Floor only: the byte length of the line the floor appends (an introduction's journal record on
   * our server). Left out, the generator asks the parent for it (`@@lineBytes`, answered on stdin)
   * after the first turn, once the side before it has made introductions.
   */
  lineBytes?: number;
}

export interface ScanArgs {
  mode: 'scan';
  sides: ScanSide[];
  phones: number;
  scansPerSecond: number;
  /** Each side's seconds of scans, in turns of TURN_SECONDS. */
  seconds: number;
}
export interface IdleArgs {
  mode: 'idle';
  url: string;
  phones: number;
}

const CONNECT_TIMEOUT_MS = 10_000;
const ACK_TIMEOUT_MS = 10_000;
const SETUP_CONCURRENCY = 100;
/** After the last scan, how long stragglers may take before they count as lost. */
const DRAIN_MS = 10_000;
const LOOP_RESOLUTION_MS = 10;

const options = { transports: ['websocket'], reconnection: false, forceNew: true, timeout: CONNECT_TIMEOUT_MS };

function open(url: string, auth: Record<string, string>): Promise<Socket> {
  const socket = connect(url, { ...options, auth: { version: PROTOCOL_VERSION, ...auth } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`${url}: ${error.message}`)));
  });
}

/** Runs `make(i)` for i < count, at most SETUP_CONCURRENCY at a time. */
async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; from < count; from += SETUP_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SETUP_CONCURRENCY, count - from) }, (_, j) => make(from + j));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

async function must(socket: Socket, event: string, ...args: unknown[]): Promise<void> {
  const reply = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args)) as { ok: boolean; error?: { message: string } };
  if (!reply.ok) throw new Error(`${event} refused: ${reply.error?.message}`);
}

const keyOf = (n: number): string => `load-bench-student-key-${String(n).padStart(8, '0')}`;

/**
 * Each side's turn: a second of scans. On this VM the disk stalls for about a second now and then,
 * and a stall decides the p99 of whatever runs during it: in runs of 30 s, one side after the
 * other, the same code measured 0.82× and 1.96× of the floor. In turns of a second both sides
 * meet the disk's good and bad minutes alike.
 */
const TURN_SECONDS = 1;

/** A side's clients and what they measured. */
interface Measured {
  side: ScanSide;
  tablets: Socket[];
  phones: Socket[];
  setupMs: number;
  /** Scan id → when the phone emitted it and the process it is connected to. */
  sent: Map<string, { at: number; server: number }>;
  latencies: number[];
  emitLateness: number[];
  ackTimes: number[];
  scans: number;
  expected: number;
  received: number;
  refused: number;
  firstRefusal: string;
  /** A turn's notifications did not all arrive within DRAIN_MS: later turns do not wait for them. */
  lost: boolean;
}

async function connectSide(side: ScanSide, phoneCount: number): Promise<Measured> {
  const started = performance.now();
  const { urls, booths, target } = side;
  const tabletsPerBooth = booths[0]!.tokens.length;
  const measured: Measured = {
    side, tablets: [], phones: [], setupMs: 0, sent: new Map(), latencies: [], emitLateness: [], ackTimes: [],
    scans: 0, expected: 0, received: 0, refused: 0, firstRefusal: '', lost: false,
  };
  measured.tablets = await inBatches(booths.length * tabletsPerBooth, async (i) => {
    const booth = booths[Math.floor(i / tabletsPerBooth)]!;
    const t = i % tabletsPerBooth;
    const server = t % urls.length;
    const socket = await open(`${urls[server]}/rep`, target === 'boothlink' ? { token: booth.tokens[t]! } : { booth: booth.id });
    socket.on('visitor:changed', (card: { introductionId?: string; id?: string }) => {
      const scan = measured.sent.get(card.introductionId ?? card.id ?? '');
      if (scan === undefined) return;
      measured.received += 1;
      if (urls.length === 1 || scan.server !== server) measured.latencies.push(performance.now() - scan.at);
    });
    return socket;
  });
  measured.phones = await inBatches(phoneCount, async (n) => {
    const socket = await open(`${urls[n % urls.length]}/student`, { key: keyOf(n) });
    if (target === 'boothlink') await must(socket, 'profile:save', profileOf(n));
    return socket;
  });
  measured.setupMs = performance.now() - started;
  return measured;
}

/** The next line the parent writes to stdin. */
function fromParent(): Promise<string> {
  return new Promise((resolve) => onCommand(resolve));
}

/** `count` scans on one side at `perSecond`; resolves once they are acknowledged and their notifications heard. */
async function scanTurn(m: Measured, count: number, perSecond: number, lineBytes: number): Promise<void> {
  const { booths, target, urls } = m.side;
  const intervalMs = 1000 / perSecond;
  const acks: Promise<void>[] = [];
  const start = performance.now() + intervalMs;
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const k = m.scans++;
    const n = k % m.phones.length;
    const booth = booths[(n + Math.floor(k / m.phones.length)) % booths.length]!;
    const phone = m.phones[n]!;
    const id = `${booth.id}:${studentIdFor(keyOf(n))}`; // the introduction's id, as the server makes it
    const emittedAt = performance.now();
    m.emitLateness.push(emittedAt - due);
    m.sent.set(id, { at: emittedAt, server: n % urls.length });
    const reply = target === 'boothlink'
      ? phone.timeout(ACK_TIMEOUT_MS).emitWithAck('intro:share', { id: actionId(), slug: booth.slug })
      : phone.timeout(ACK_TIMEOUT_MS).emitWithAck('scan', { id, booth: booth.id, line: lineOf(id, booth.id, lineBytes) });
    acks.push(reply.then((answer: { ok: boolean; error?: { message: string } }) => {
      m.ackTimes.push(performance.now() - emittedAt);
      if (!answer.ok) { m.refused += 1; m.firstRefusal ||= answer.error?.message ?? ''; }
    }, (error: Error) => { m.refused += 1; m.firstRefusal ||= error.message; }));
  }
  m.expected += count * booths[0]!.tokens.length;
  await Promise.all(acks);
  const drainUntil = performance.now() + DRAIN_MS;
  while (!m.lost && m.received < m.expected) {
    if (performance.now() > drainUntil) m.lost = true;
    else await sleep(5);
  }
}

async function scan(args: ScanArgs) {
  const sides: Measured[] = [];
  for (const side of args.sides) sides.push(await connectSide(side, args.phones));
  const lineBytes = args.sides.map((side) => side.lineBytes);
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const perTurn = args.scansPerSecond * TURN_SECONDS;
  const turns = Math.ceil(args.seconds / TURN_SECONDS);
  for (let turn = 0; turn < turns; turn++) {
    const count = Math.min(perTurn, args.scansPerSecond * args.seconds - turn * perTurn);
    for (const [i, m] of sides.entries()) {
      if (m.side.target === 'floor' && lineBytes[i] === undefined) {
        say('lineBytes', {});
        lineBytes[i] = Number(await fromParent());
      }
      await scanTurn(m, count, args.scansPerSecond, lineBytes[i] ?? 0);
    }
  }
  loop.disable();
  for (const m of sides) for (const socket of [...m.tablets, ...m.phones]) socket.disconnect();
  return sides.map((m) => ({
    clients: { phones: m.phones.length, tablets: m.tablets.length },
    setupMs: m.setupMs,
    scans: m.scans,
    expected: m.expected,
    received: m.received,
    refused: m.refused,
    firstRefusal: m.firstRefusal,
    // Every notification's latency, to µs: the parent pools them (index.ts).
    latencies: m.latencies.map((t) => Math.round(t * 1000) / 1000),
    p99: percentile(m.latencies, 99),
    ackP99: percentile(m.ackTimes, 99),
    emitLatenessP99: percentile(m.emitLateness, 99),
    emitLatenessMax: percentile(m.emitLateness, 100),
    // The generator's, over the whole run. The histogram holds whole timer periods: what is past the period is lag.
    loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loopDelayMaxMs: Math.max(0, loop.max / 1e6 - LOOP_RESOLUTION_MS),
  }));
}

/** A JSON line of exactly `bytes` bytes (newline included), carrying the scan's ids. */
function lineOf(id: string, booth: string, bytes: number): string {
  const bare = JSON.stringify({ id, booth, pad: '' });
  return `${JSON.stringify({ id, booth, pad: 'x'.repeat(Math.max(0, bytes - bare.length - 1)) })}\n`;
}

async function idle(args: IdleArgs) {
  const start = performance.now();
  const phones = await inBatches(args.phones, async (n) => {
    const socket = await open(`${args.url}/student`, { key: keyOf(n) });
    await must(socket, 'student:load');
    return socket;
  });
  say('connected', { phones: phones.length, ms: performance.now() - start });
  onCommand(() => {});
}

const args = JSON.parse(process.argv[2]!) as ScanArgs | IdleArgs;
if (args.mode === 'scan') {
  say('result', await scan(args));
  // The result carries every latency (tens of KB): exit only once the parent has all of it.
  process.stdout.write('', () => process.exit(0));
} else {
  await idle(args);
}
