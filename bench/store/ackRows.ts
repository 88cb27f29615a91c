// Durable acknowledgement in the table: the store's commit() ÷ the bare floor, measured in this run.
import { DEFAULT_SNAPSHOT_POLICY } from '../../server/store/snapshotPolicy.ts';
import { count, loadAverage, median, ms, ratio, verdict } from '../numbers.ts';
import type { Row } from '../table.ts';
import { SLOW_WRITE_MS } from './ack.ts';
import { alternately, TURNS } from './child.ts';
import { settleDisk } from './folder.ts';
import type { StoreBenchSize } from './index.ts';

const ACK_PER_SECOND = 100;
/** DESIGN.md section 6; the table judged against 2× until issue #14. */
const ACK_P99_GOAL = 1.5;
/** The snapshot's file (docs/architecture.md): its replacements during the write window are counted. */
const SNAPSHOT_FILE = 'db.json';

/**
 * The store and the bare floor take turns on the disk, each in a process of its own (`alternately`):
 * this VM's disk drifts from minute to minute, and a floor measured before or after the store said
 * more of its minute than of the store.
 */
export async function durableAck(dir: string, scratch: string, n: number, size: StoreBenchSize): Promise<Row[]> {
  const pace = { perSecond: ACK_PER_SECOND, from: n * 2 }; // student numbers that no fair folder uses yet
  // The store waiting its turn must not look idle: it would take a snapshot each time (snapshotPolicy.ts).
  if ((size.bareSeconds / TURNS) * 1000 >= DEFAULT_SNAPSHOT_POLICY.idleMs) throw new Error('The bare writer\'s turns must be shorter than the store\'s idle time before a snapshot.');
  settleDisk();
  const [store, bare] = await alternately(
    { name: 'ackStore', args: { ...pace, seconds: size.ackSeconds, contrastSeconds: size.contrastSeconds, dir, scratchDir: scratch } },
    { name: 'ackBare', args: { ...pace, seconds: size.bareSeconds, dir: scratch } },
  );

  console.log(`  Durable ack, introductions paced at ${ACK_PER_SECOND}/s, the store and the bare writer taking turns on the disk ` +
    `(${TURNS} turns each, ${size.ackSeconds} s and ${size.bareSeconds} s in all), latency from when each was due:`);
  console.log(`    bare appendFile + fdatasync (${bare.lineBytes} bytes): p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}, max ${ms(bare.max)} ← baseline`);
  console.log(`    store.commit(): p50 ${ms(store.p50)}, p99 ${ms(store.p99)}, max ${ms(store.max)}; p99 from the call itself ${ms(store.serviceP99)}; ` +
    `${count(store.lateStarts)} writes started > 5 ms late (loop busy); loop delay max ${ms(store.loopMaxMs)}; store opened in ${ms(store.openMs)}; load average ${loadAverage()}`);
  console.log(store.renamed.length === 0
    ? '    no file in the data folder was created or renamed during the window: it includes NO snapshot'
    : `    files created or renamed in the data folder during the window: ${store.renamed.map((r) => `${r.name} ×${r.atS.length} (at ${r.atS.map((s) => s.toFixed(1)).join(', ')} s)`).join('; ')}`);
  console.log(`    ${count(store.slow)} writes over ${SLOW_WRITE_MS} ms, ${count(store.slowDuringSnapshot)} of them due while a snapshot was taken ` +
    `(2 s before its renames to 0.5 s after); p99 of the writes due outside snapshots ${ms(store.p99OutsideSnapshots)}`);
  console.log(`    contrast, the bare writer in the store's process after it, its ${count(store.bareBeside.introductionsHeld)} introductions still in memory (${size.contrastSeconds} s): ` +
    `p50 ${ms(store.bareBeside.p50)}, p99 ${ms(store.bareBeside.p99)}; the store's p99 is ${ratio(store.p99 / store.bareBeside.p99)} of it`);
  console.log(`    contrast, the whole state as lowdb writes it (2-space JSON, ${(store.jsonChars / 1e6).toFixed(0)} M chars): ` +
    `JSON.stringify alone ${store.stringifyMs.map(ms).join(', ')} (synchronous); db.write() ${store.lowdbWriteMs.map(ms).join(', ')} (no fsync)`);

  const snapshots = store.renamed.find((r) => r.name === SNAPSHOT_FILE)?.atS.length ?? 0;
  const lowdb = median(store.lowdbWriteMs);
  return [
    {
      benchmark: `durable ack p50, ${count(n)} stored, ${ACK_PER_SECOND}/s`, measured: ms(store.p50), baseline: `${ms(bare.p50)} bare`,
      ratio: ratio(store.p50 / bare.p50), goal: '—', verdict: '',
    },
    {
      benchmark: `durable ack p99 (${count(store.samples)} writes, ${snapshots} snapshot${snapshots === 1 ? '' : 's'})`, measured: ms(store.p99),
      baseline: `${ms(bare.p99)} bare`, ratio: ratio(store.p99 / bare.p99), goal: `≤ ${ACK_P99_GOAL}×`, verdict: verdict(store.p99 <= ACK_P99_GOAL * bare.p99),
    },
    {
      benchmark: '  contrast: whole lowdb file per change', measured: ms(lowdb), baseline: `${ms(bare.p99)} bare p99`,
      ratio: ratio(lowdb / bare.p99), goal: '(contrast)', verdict: '',
    },
  ];
}
