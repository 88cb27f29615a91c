// Journal compaction: the folder stays at three files, a start reads db.json and the tail only, and
// a crash at any step of a snapshot (see the table in server/store/compaction.ts) restarts correctly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import type { Store } from '../../server/store/store.ts';
import { boothCreated } from './events.ts';
import { FaultyIo, type Fault } from './faultyIo.ts';
import { copyFolder, quiet, readDb, reopened, tempDir } from './fixtures.ts';
import { boothIds, recordLines, seqsIn, writeFolder, type FolderLayout } from './folders.ts';

const commitBooth = (store: Store, n: number): Promise<unknown> =>
  store.commit({ events: [boothCreated(`b${n}`)], key: `action-${n}` });

/**
 * Files of `dir` this process still holds open after their names went (Linux's /proc): the store
 * frees a replaced db.json or an old backup a step at a time and must then close it, or its
 * space would never come back.
 */
function heldAfterRemoval(dir: string): string[] {
  if (process.platform !== 'linux') return [];
  const targets = fs.readdirSync('/proc/self/fd').map((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return ''; // closed meanwhile
    }
  });
  return targets.filter((target) => target.startsWith(dir) && target.endsWith(' (deleted)'));
}

describe('file store: compaction', () => {
  it('keeps three files after many commits and snapshots, each record exactly once, and starts from the tail', async () => {
    const dir = tempDir();
    const io = new FaultyIo();
    const store = await openFileStore(dir, { io, log: quiet, snapshot: { everyRecords: 10, idleMs: 60_000 } });
    for (let n = 1; n <= 55; n += 1) await commitBooth(store, n);
    await Promise.all([56, 57, 58].map((n) => commitBooth(store, n)));
    await store.close();
    expect(io.calls.filter((call) => call.op === 'rename' && call.file === '.db.json.tmp').length).toBeGreaterThanOrEqual(5);

    expect(fs.readdirSync(dir).sort()).toEqual(['db.json', 'journal.jsonl', 'journal.prev.jsonl']);
    expect(readDb(dir).seq).toBe(58);
    expect(readDb(dir).state.booths.map((entity) => entity.id)).toEqual(boothIds(58));
    const prev = seqsIn(dir, 'journal.prev.jsonl');
    expect(prev.length).toBeGreaterThan(0);
    expect(prev).toEqual(Array.from({ length: prev.length }, (_, i) => 58 - prev.length + 1 + i)); // the last stretch, in order
    expect(seqsIn(dir, 'journal.jsonl')).toEqual([]); // the close's snapshot holds it all
    expect(heldAfterRemoval(dir)).toEqual([]); // the replaced db.json files and backups were let go

    const spy = new FaultyIo();
    const again = await openFileStore(dir, { io: spy, log: quiet });
    expect([...again.state.booths.keys()]).toEqual(boothIds(58));
    const reads = spy.calls.filter((call) => call.op === 'readFile' || call.op === 'read');
    expect(reads).toEqual([
      { op: 'readFile', file: 'db.json' },
      { op: 'read', file: 'journal.prev.jsonl' }, // its last line only, to see db.json holds it
      { op: 'readFile', file: 'journal.jsonl' },
    ]);
    await commitBooth(again, 59);
    expect(seqsIn(dir, 'journal.jsonl')).toEqual([59]);
    await again.close();
  });

  it('leaves db.json alone and the journal whole between snapshots', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet, snapshot: { everyRecords: 5, idleMs: 60_000 } });
    for (let n = 1; n <= 5; n += 1) await commitBooth(store, n); // the fifth makes a snapshot due
    await expect.poll(() => fs.existsSync(path.join(dir, 'db.json')) && readDb(dir).seq).toBe(5);
    for (let n = 6; n <= 7; n += 1) await commitBooth(store, n);
    expect(readDb(dir).seq).toBe(5);
    expect(seqsIn(dir, 'journal.prev.jsonl')).toEqual([1, 2, 3, 4, 5]);
    expect(seqsIn(dir, 'journal.jsonl')).toEqual([6, 7]);
    await store.close();
  });
});

describe('file store: a crash during compaction', () => {
  // Left as a crash at each step would leave them; db.json@10 is the snapshot before.
  const layouts: [string, FolderLayout, string?][] = [
    ['before the rotation', { db: 10, prev: [1, 10], live: [11, 18] }],
    ['after the older backup was removed, before the rotation', { db: 10, live: [11, 18] }],
    ['after the rotation rename, before the new journal exists', { db: 10, prev: [11, 18] }],
    ['after the rotation, with a half-written .db.json.tmp', { db: 10, prev: [11, 15], live: [16, 18] }, '{"seq": 15, "sta'],
    ['after the snapshot rename', { db: 15, prev: [11, 15], live: [16, 18] }],
    ['before the first snapshot ever, after its rotation', { prev: [1, 15], live: [16, 18] }],
  ];

  it.each(layouts)('%s: starts with every record once, appends the next seq, and compacts cleanly', async (_, layout, temp) => {
    const dir = tempDir();
    writeFolder(dir, layout);
    if (temp !== undefined) fs.writeFileSync(path.join(dir, '.db.json.tmp'), temp);
    const store = await openFileStore(dir, { log: quiet });
    expect([...store.state.booths.keys()]).toEqual(boothIds(18));
    expect(store.applied('action-18')).toBe(true);
    await commitBooth(store, 19);
    expect(seqsIn(dir, 'journal.jsonl').at(-1)).toBe(19);
    await store.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['db.json', 'journal.jsonl', 'journal.prev.jsonl']);
    expect([...(await reopened(dir)).state.booths.keys()]).toEqual(boothIds(19));
  });

  // The store itself frozen at each step, its folder copied as it stands: a kill at that instant.
  const points: [string, Fault][] = [
    ['before the older backup is removed', { op: 'rm', file: 'journal.prev.jsonl', action: 'freeze' }],
    ['before the rotation rename', { op: 'rename', file: 'journal.jsonl', action: 'freeze' }],
    ['after the rotation rename, before the new journal exists', { op: 'open', file: 'journal.jsonl', action: 'freeze' }],
    ['before the folder sync of the rotation', { op: 'fsyncDir', action: 'freeze' }],
    ['before the snapshot temp file is written', { op: 'open', file: '.db.json.tmp', action: 'freeze' }],
    ['before the temp file is synced', { op: 'datasync', file: '.db.json.tmp', action: 'freeze' }],
    ['before the temp file is renamed over db.json', { op: 'rename', file: '.db.json.tmp', action: 'freeze' }],
    ['before the folder sync of the snapshot', { op: 'fsyncDir', after: 1, action: 'freeze' }],
  ];

  it.each(points)('killed %s: a restart has every acknowledged record exactly once', async (_, fault) => {
    const dir = tempDir();
    writeFolder(dir, { db: 10, prev: [1, 10], live: recordLines(11, 15) }); // a compacted folder, mid-run
    const io = new FaultyIo();
    const store = await openFileStore(dir, { io, log: quiet, snapshot: { everyRecords: 10, idleMs: 60_000 } });
    const frozen = io.frozen();
    io.inject(fault);
    for (let n = 16; n <= 20; n += 1) await commitBooth(store, n); // the fifth makes a snapshot due
    await frozen;
    const acked: number[] = [];
    const late = [21, 22, 23].map((n) => commitBooth(store, n).then(() => acked.push(n)));
    await Promise.race([Promise.all(late), new Promise((resolve) => setTimeout(resolve, 200))]);

    const copy = copyFolder(dir);
    const restarted = await openFileStore(copy, { log: quiet });
    const booths = [...restarted.state.booths.keys()];
    expect(booths.slice(0, 20)).toEqual(boothIds(20));
    for (const n of acked) expect(booths).toContain(`b${n}`);
    expect(booths.length).toBe(new Set(booths).size);
    await commitBooth(restarted, 24);
    expect(seqsIn(copy, 'journal.jsonl').at(-1)).toBe(booths.length + 1);
    await restarted.close();
    expect([...(await reopened(copy)).state.booths.keys()]).toEqual([...booths, 'b24']);
  });
});
