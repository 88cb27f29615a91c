// A snapshot is serialised over many turns of the event loop while commits go on (see
// server/store/snapshotWriter.ts): db.json must still be the fair at exactly one seq, and the
// loop must be served all along.
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../server/domain/state.ts';
import type { FairEvent, FairState } from '../../server/domain/types.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { nodeIo, type StoreFile, type StoreIo } from '../../server/store/io.ts';
import { applyRecord, type AppliedKeys } from '../../server/store/record.ts';
import { captureSnapshot, PIECES_PER_TURN, writeSnapshotJson } from '../../server/store/snapshotWriter.ts';
import { buildingRecords, changeRecord } from './fairEvents.ts';
import { appliedOnDisk, dbState, quiet, readDb, reopened, tempDir, withProfile } from './fixtures.ts';

const keyOf = (seq: number) => `action-${seq}`;

/** The fair after the first `count` records, applied afresh, in db.json's shape: what db.json must hold at that seq. */
function fairAfter(records: FairEvent[][], count: number) {
  const state = initialState();
  const applied: AppliedKeys = new Set();
  records.slice(0, count).forEach((events, i) => applyRecord(state, applied, { events, key: keyOf(i + 1) }));
  return JSON.parse(JSON.stringify({ state: dbState(state), applied: appliedOnDisk(applied) })) as { state: unknown; applied: unknown };
}

/** nodeIo, telling whether the snapshot's temp file is open and when db.json was first replaced. */
function watchedIo() {
  const watch = { writing: false, replaced: undefined as Promise<void> | undefined };
  let replaced!: () => void;
  watch.replaced = new Promise<void>((resolve) => (replaced = resolve));
  const io: StoreIo = {
    ...nodeIo,
    async open(file, flags) {
      const handle = await nodeIo.open(file, flags);
      if (path.basename(file) !== '.db.json.tmp') return handle;
      watch.writing = true;
      const watched: StoreFile = {
        write: (buffer, offset, length) => handle.write(buffer, offset, length),
        writeNow: (buffer, offset, length) => handle.writeNow(buffer, offset, length),
        read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
        datasync: () => handle.datasync(),
        truncate: (length) => handle.truncate(length),
        stat: () => handle.stat(),
        close: async () => {
          watch.writing = false;
          await handle.close();
        },
      };
      return watched;
    },
    async rename(from, to) {
      await nodeIo.rename(from, to);
      if (path.basename(to) === 'db.json') replaced();
    },
  };
  return { io, watch };
}

describe('a snapshot while commits go on', () => {
  it('holds exactly the fair at the seq it began, and a restart holds everything committed', async () => {
    const dir = tempDir();
    const students = 6_000;
    const building = buildingRecords(students);
    const { io, watch } = watchedIo();
    const store = await openFileStore(dir, { io, log: quiet, snapshot: { everyRecords: building.length, idleMs: 60_000 } });
    const commit = (events: FairEvent[], seq: number) => store.commit({ events, key: keyOf(seq) });

    // Exactly everyRecords records: the snapshot is due at that seq.
    await Promise.all(building.map((events, i) => commit(events, i + 1)));
    // Then one change per turn of the event loop (each applied at once, durable a little later)
    // until the temp file is written and closed.
    const records = [...building];
    const saved: Promise<unknown>[] = [];
    let duringWrite = 0;
    for (let i = 0; watch.writing || duringWrite === 0; i++) {
      const events = changeRecord(i, students);
      records.push(events);
      if (watch.writing) duringWrite += 1;
      saved.push(commit(events, records.length));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(saved);
    await watch.replaced;

    expect(duringWrite).toBeGreaterThan(10); // changes to entities already in the snapshot, while it was written
    const db = readDb(dir);
    expect(db.seq).toBeGreaterThanOrEqual(building.length); // begun once it was due
    expect(db.seq).toBeLessThan(records.length - 10); // and before the changes made while it was written
    // Profiles compared unpacked: whether db.json packs them depends on its size only.
    const state = { ...db.state, students: db.state.students.map((student) => withProfile(student, false)) };
    expect({ state, applied: db.applied }).toEqual(fairAfter(records, db.seq));

    await store.close();
    const again = await reopened(dir);
    expect(JSON.parse(JSON.stringify(dbState(again.state)))).toEqual(fairAfter(records, records.length).state);
    expect(again.applied(keyOf(records.length))).toBe(true);
  });

  it('steps aside many times while it writes a large fair, so the event loop is served', async () => {
    const students = 20_000;
    const state = initialState();
    const applied: AppliedKeys = new Set();
    buildingRecords(students).forEach((events, i) => applyRecord(state, applied, { events, key: keyOf(i + 1) }));
    const snapshot = captureSnapshot(7, state, applied);
    const pieces = [...Object.values(state), applied].reduce((sum, part) => sum + (part instanceof Map || part instanceof Set ? part.size : Object.keys(part).length), 0);

    const file = path.join(tempDir(), 'db.json');
    const handle = await nodeIo.open(file, 'w');
    const delay = monitorEventLoopDelay({ resolution: 1 });
    let ticks = 0;
    let writing = true;
    const tick = (): void => {
      ticks += 1;
      if (writing) setImmediate(tick);
    };
    delay.enable();
    const startMs = performance.now();
    setImmediate(tick);
    const turns = await writeSnapshotJson(handle, snapshot).finally(() => (writing = false));
    const elapsedMs = performance.now() - startMs;
    delay.disable();
    await handle.close();

    // Counted, not timed: at most PIECES_PER_TURN entities are serialised per turn, and other
    // work (here, the ticker) runs in between.
    expect(pieces).toBeGreaterThan(60_000);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(pieces / PIECES_PER_TURN));
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(pieces / PIECES_PER_TURN));
    // A loose check of the clock as well: one stall as long as the whole write means no stepping aside.
    const maxDelayMs = delay.max / 1e6;
    expect(maxDelayMs, `loop delay max ${maxDelayMs.toFixed(1)} ms over ${elapsedMs.toFixed(0)} ms`).toBeLessThan(Math.max(100, elapsedMs / 2));

    // The same bytes as one JSON.stringify of db.json's shape, which the reader (lowdb) and people
    // already know, but for a line break before each entity and key (JSON.stringify escapes any in a value).
    // Its last line closes it with the CRC-32 of every byte before that line, by which a start knows the file is as written.
    const text = fs.readFileSync(file, 'utf8');
    const lastLine = text.lastIndexOf('\n') + 1;
    expect(text.slice(lastLine)).toBe(`,"crc32":${crc32(text.slice(0, lastLine))}}`);
    expect(`${text.slice(0, lastLine).replaceAll('\n', '')}}` === JSON.stringify(asOnDisk(7, state, applied, { packed: true }))).toBe(true);
    expect(text.split('\n').length).toBeGreaterThan(pieces);
  });

  it('indents a small fair, as JSON.stringify(snapshot, null, 2) would', async () => {
    const state = initialState();
    const applied: AppliedKeys = new Set();
    buildingRecords(10).forEach((events, i) => applyRecord(state, applied, { events, key: keyOf(i + 1) }));
    const file = path.join(tempDir(), 'db.json');
    const handle = await nodeIo.open(file, 'w');
    await writeSnapshotJson(handle, captureSnapshot(3, state, applied));
    await handle.close();
    expect(fs.readFileSync(file, 'utf8')).toBe(JSON.stringify(asOnDisk(3, state, applied), null, 2));
  });
});

/** What db.json holds: each collection as the list of its entities, profiles packed in a large one. */
function asOnDisk(seq: number, state: FairState, applied: AppliedKeys, { packed = false } = {}) {
  return { seq, lastWipeSeq: 0, state: dbState(state, { packed }), applied: appliedOnDisk(applied) };
}
