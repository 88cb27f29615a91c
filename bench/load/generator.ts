// Child process: the load generator. Real socket.io clients over WebSocket on loopback, one
// connection each (forceNew), the way the phones and tablets of a fair connect.
//   scan: phones + tablets connect; then `scansPerSecond` scans for `seconds`, each a phone sharing
//         its details with a booth it has not met, timed from the phone's emit to each of that
//         booth's tablets hearing `visitor:changed` (emitter and tablets share this process's clock).
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
export interface ScanArgs {
  mode: 'scan';
  url: string;
  target: Target;
  phones: number;
  booths: BoothSetup[];
  scansPerSecond: number;
  seconds: number;
  /** Floor only: the byte length of the line the floor appends (an introduction's journal record). */
  lineBytes: number;
  /**
   * Past one machine: the processes' addresses (`url` is then unused). Phone n connects to
   * `urls[n % urls.length]`, each booth's tablet t to `urls[t % urls.length]`, and only the
   * notifications of a tablet on another process than the phone's are timed.
   */
  urls?: string[];
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

async function scan(args: ScanArgs) {
  const { url, target, booths } = args;
  const setupStart = performance.now();
  const urls = args.urls ?? [url];
  const sent = new Map<string, { at: number; server: number }>(); // scan id → performance.now() at emit, the phone's process
  const latencies: number[] = [];
  let received = 0;
  const tablets = await inBatches(booths.length * booths[0]!.tokens.length, async (i) => {
    const booth = booths[Math.floor(i / booths[0]!.tokens.length)]!;
    const t = i % booth.tokens.length;
    const token = booth.tokens[t]!;
    const server = t % urls.length;
    const socket = await open(`${urls[server]}/rep`, target === 'boothlink' ? { token } : { booth: booth.id });
    socket.on('visitor:changed', (card: { introductionId?: string; id?: string }) => {
      const scan = sent.get(card.introductionId ?? card.id ?? '');
      if (scan === undefined) return;
      received += 1;
      if (urls.length === 1 || scan.server !== server) latencies.push(performance.now() - scan.at);
    });
    return socket;
  });
  const phones = await inBatches(args.phones, async (n) => {
    const socket = await open(`${urls[n % urls.length]}/student`, { key: keyOf(n) });
    if (target === 'boothlink') await must(socket, 'profile:save', profileOf(n));
    return socket;
  });
  const setupMs = performance.now() - setupStart;

  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const count = args.scansPerSecond * args.seconds;
  const intervalMs = 1000 / args.scansPerSecond;
  const emitLateness: number[] = [];
  const ackTimes: number[] = [];
  let refused = 0;
  let firstRefusal = '';
  const acks: Promise<void>[] = [];
  loop.enable();
  const start = performance.now() + intervalMs;
  for (let k = 0; k < count; k++) {
    const due = start + k * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const n = k % args.phones;
    const booth = booths[(n + Math.floor(k / args.phones)) % booths.length]!;
    const phone = phones[n]!;
    const id = `${booth.id}:${studentIdFor(keyOf(n))}`; // the introduction's id, as the server makes it
    const emittedAt = performance.now();
    emitLateness.push(emittedAt - due);
    sent.set(id, { at: emittedAt, server: n % urls.length });
    const reply = target === 'boothlink'
      ? phone.timeout(ACK_TIMEOUT_MS).emitWithAck('intro:share', { id: actionId(), slug: booth.slug })
      : phone.timeout(ACK_TIMEOUT_MS).emitWithAck('scan', { id, booth: booth.id, line: lineOf(id, booth.id, args.lineBytes) });
    acks.push(reply.then((answer: { ok: boolean; error?: { message: string } }) => {
      ackTimes.push(performance.now() - emittedAt);
      if (!answer.ok) { refused += 1; firstRefusal ||= answer.error?.message ?? ''; }
    }, (error: Error) => { refused += 1; firstRefusal ||= error.message; }));
  }
  const expected = count * booths[0]!.tokens.length;
  const drainUntil = performance.now() + DRAIN_MS;
  while (received < expected && performance.now() < drainUntil) await sleep(20);
  loop.disable();
  await Promise.all(acks);
  for (const socket of [...tablets, ...phones]) socket.disconnect();
  return {
    clients: { phones: phones.length, tablets: tablets.length },
    setupMs,
    scans: count,
    expected,
    received,
    refused,
    firstRefusal,
    // Every notification's latency, to µs: the parent pools the runs of each server (index.ts).
    latencies: latencies.map((t) => Math.round(t * 1000) / 1000),
    p99: percentile(latencies, 99),
    ackP99: percentile(ackTimes, 99),
    emitLatenessP99: percentile(emitLateness, 99),
    emitLatenessMax: percentile(emitLateness, 100),
    // The histogram holds whole timer periods: what is past the period is lag.
    loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loopDelayMaxMs: Math.max(0, loop.max / 1e6 - LOOP_RESOLUTION_MS),
  };
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
