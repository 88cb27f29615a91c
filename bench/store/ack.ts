// Durable acknowledgement: the store's commit() of one introduction at 100 a second on a fair of
// 100,000, measured from when each was due (see paced.ts), on a fresh start of the built fair.
import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { shareDetails } from '../../server/domain/students.ts';
import type { FairState } from '../../server/domain/types.ts';
import { entitiesRead } from '../../server/store/entitiesOnDisk.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { captureSnapshot, onDisk } from '../../server/store/snapshotWriter.ts';
import { percentile } from '../numbers.ts';
import { actionId, eventsOf, quiet, saveProfiles, saveProfilesAtOnce, slugsOf, studentIdOf } from './fair.ts';
import { ackBare } from './bare.ts';
import { blocksOf } from './child.ts';
import { pacedInBlocks, summarise, type InBlocks, type PacedArgs, type PacedRun } from './paced.ts';

export const LOOP_RESOLUTION_MS = 5;
export const SLOW_WRITE_MS = 100;
/** A snapshot's busy time around the renames it makes: serialising comes before them, the last fsync after. */
const SNAPSHOT_BEFORE_RENAMES_MS = 2000;
const SNAPSHOT_AFTER_RENAMES_MS = 500;
const CONTRAST_SAMPLES = 3;

interface Rename {
  name: string;
  at: number;
}

/**
 * Each due time decides and commits one introduction with its client key, as the student socket
 * does. Watches the files renamed during the window (a snapshot replaces db.json) and the loop.
 */
export async function ackStore({ dir, from, scratchDir, contrastSeconds, inBlocks = false, ...pace }: PacedArgs & InBlocks & { dir: string; from: number; scratchDir: string; contrastSeconds: number }) {
  const count = pace.seconds * pace.perSecond;
  const opening = performance.now();
  const store = await openFileStore(dir, { log: quiet });
  const openMs = performance.now() - opening;
  // The whole fair in memory, as the server has it from a second or two after its start
  // (server/store/entitiesOnDisk.ts), long before a snapshot falls due.
  await entitiesRead(path.join(dir, 'db.json'));
  // The run's students save their profiles before it starts: half of them one record each, the
  // other half in one record. The store then holds half a window of records past its snapshot, as
  // at any moment of a busy day, so a snapshot every N records fires inside the window for any N up
  // to 1.5 windows, and in its middle for N = one window (the policy's 10,000 records at the time
  // of writing, i.e. 100 s at 100 writes/s: hence the 100 s window).
  const half = Math.floor(count / 2);
  await Promise.all(saveProfiles(store, from, half));
  await saveProfilesAtOnce(store, from + half, count - half);
  const slugs = slugsOf(store.state);

  const renames: Rename[] = [];
  const watcher = watch(dir, (type, name) => {
    if (type === 'rename' && name !== null) renames.push({ name, at: performance.now() });
  });
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  const run = await pacedInBlocks(pace.perSecond, blocksOf({ inBlocks, seconds: pace.seconds }), (i) => {
    const studentId = studentIdOf(from + i);
    const events = eventsOf(shareDetails(store.state, { studentId, slug: slugs[i % slugs.length]! }, new Date()));
    return store.commit({ events, key: `student:${studentId}:${actionId()}` });
  });
  loop.disable();
  const ended = performance.now();
  watcher.close();
  const inWindow = renames.filter((r) => r.at >= run.start && r.at <= ended);

  const { state } = store;
  const contrast = await wholeFileContrast(state, scratchDir);
  // The bare writer again, in this process, the fair still in memory and the store closed (so no
  // snapshot of its own comes in): what the floor is for a process holding 400 MB of fair.
  await store.close();
  const bareBeside = await ackBare({ ...pace, seconds: contrastSeconds, from: from + count, dir: scratchDir });
  return {
    ...summarise(run),
    ...slowWrites(run, inWindow),
    openMs,
    loopMaxMs: loop.max / 1e6,
    renamed: byFile(inWindow, run.start),
    ...contrast,
    bareBeside: { p50: bareBeside.p50, p99: bareBeside.p99, introductionsHeld: state.introductions.size },
  };
}

/** How many writes were slow, how many of those were due while a snapshot was being taken, and the p99 of the others. */
function slowWrites(run: PacedRun, renames: Rename[]) {
  const duringSnapshot = (due: number) =>
    renames.some((r) => due >= r.at - SNAPSHOT_BEFORE_RENAMES_MS && due <= r.at + SNAPSHOT_AFTER_RENAMES_MS);
  let slow = 0;
  let slowDuringSnapshot = 0;
  const outside: number[] = [];
  run.latencies.forEach((latency, i) => {
    const during = duringSnapshot(run.dues[i]!);
    if (!during) outside.push(latency);
    if (latency > SLOW_WRITE_MS) {
      slow += 1;
      if (during) slowDuringSnapshot += 1;
    }
  });
  return { slow, slowDuringSnapshot, p99OutsideSnapshots: percentile(outside, 99) };
}

/** Files created, renamed or replaced (inotify "rename" events), with the seconds into the window. */
function byFile(renames: Rename[], start: number): { name: string; atS: number[] }[] {
  const atS = new Map<string, number[]>();
  for (const { name, at } of renames) atS.set(name, [...(atS.get(name) ?? []), (at - start) / 1000]);
  return [...atS].map(([name, times]) => ({ name, atS: times }));
}

/** What rewriting the whole state costs at this size: the bare serialisation, and lowdb's db.write(). */
async function wholeFileContrast(state: FairState, scratchDir: string) {
  // The state as plain JSON (each collection a list), the way lowdb would hold it.
  const whole = onDisk(captureSnapshot(0, state, new Set()));
  const stringifyMs: number[] = [];
  let jsonChars = 0;
  for (let i = 0; i < CONTRAST_SAMPLES; i++) {
    const started = performance.now();
    jsonChars = JSON.stringify(whole, null, 2).length;
    stringifyMs.push(performance.now() - started);
  }
  const file = path.join(scratchDir, 'lowdb.json');
  const db = new Low<unknown>(new JSONFile<unknown>(file), whole);
  const lowdbWriteMs: number[] = [];
  for (let i = 0; i < CONTRAST_SAMPLES; i++) {
    const started = performance.now();
    await db.write();
    lowdbWriteMs.push(performance.now() - started);
  }
  return { stringifyMs, jsonChars, lowdbWriteMs, lowdbBytes: (await stat(file)).size };
}
