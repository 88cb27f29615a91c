// A full or failing disk, injected at the store's file operations: no commit resolves that is not
// on disk, memory afterwards equals what a fresh start finds, and writes succeed once it is fixed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore, type FileStoreOptions } from '../../server/store/fileStore.ts';
import { SAVE_FAILED_MESSAGE } from '../../server/store/messages.ts';
import { StorageError, type Store } from '../../server/store/store.ts';
import { boothCreated } from './events.ts';
import { FaultyIo } from './faultyIo.ts';
import { copyFolder, readDb, reopened, tempDir, waitFor } from './fixtures.ts';
import { boothIds, seqsIn } from './folders.ts';

type Outcome = 'ok' | 'refused';

interface Harness {
  dir: string;
  io: FaultyIo;
  store: Store;
  logs: string[];
  outcomes: Map<number, Outcome>;
  /** Commits booth b<n> under key action-<n> and records how that ended. */
  commit(n: number): Promise<Outcome>;
}

async function openFaulty(options: FileStoreOptions = {}): Promise<Harness> {
  const dir = tempDir();
  const io = new FaultyIo();
  const logs: string[] = [];
  const store = await openFileStore(dir, { io, log: (line) => logs.push(line), retryAfterFailureMs: 20, snapshot: { idleMs: 60_000 }, ...options });
  const outcomes = new Map<number, Outcome>();
  const commit = async (n: number): Promise<Outcome> => {
    const outcome = await store.commit({ events: [boothCreated(`b${n}`)], key: `action-${n}` }).then(
      (): Outcome => 'ok',
      (error: unknown): Outcome => {
        expect(error).toBeInstanceOf(StorageError);
        expect((error as Error).message).toBe(SAVE_FAILED_MESSAGE);
        return 'refused';
      },
    );
    outcomes.set(n, outcome);
    return outcome;
  };
  return { dir, io, store, logs, outcomes, commit };
}

/** Memory deep-equals a fresh start on a copy of the folder; resolved commits are there, refused ones are not. */
async function expectMemoryMatchesDisk(h: Harness): Promise<void> {
  await h.io.settled();
  const fresh = await reopened(copyFolder(h.dir));
  expect(h.store.state).toEqual(fresh.state);
  for (const [n, outcome] of h.outcomes) expect(fresh.applied(`action-${n}`), `action-${n}`).toBe(outcome === 'ok');
}

const reloaded = (h: Harness, times = 1): Promise<void> => waitFor(() => h.logs.filter((line) => line.startsWith('Reloaded the fair')).length >= times);
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('file store: a failed journal write', () => {
  it.each([
    ['the disk is full during the append', { op: 'write', file: 'journal.jsonl', code: 'ENOSPC' }],
    ['fdatasync fails', { op: 'datasync', file: 'journal.jsonl', code: 'EIO', times: 1 }],
  ] as const)('when %s: refuses the batch and all queued behind it, reloads memory from disk, then accepts again', async (_, fault) => {
    const h = await openFaulty();
    expect([await h.commit(1), await h.commit(2)]).toEqual(['ok', 'ok']);

    const before = h.store.state;
    const removeFault = h.io.inject(fault);
    const batch = [3, 4, 5].map(h.commit);
    expect([...h.store.state.booths.keys()]).toEqual(boothIds(5)); // applied at once, for the next decision
    await nextTurn(); // that batch is now being written
    const queued = [6, 7].map(h.commit); // decided on top of it
    expect(await Promise.all([...batch, ...queued])).toEqual(Array(5).fill('refused'));

    // While memory is being reloaded: nothing refused is answered as done, nothing new is taken.
    expect(h.store.applied('action-3')).toBe(false);
    expect(await h.commit(8)).toBe('refused');
    expect(h.store.state.booths.get('b8')).toBeUndefined();

    await reloaded(h);
    expect(h.store.state).not.toBe(before); // a new object: whatever was derived from the old one is stale
    expect([...h.store.state.booths.keys()]).toEqual(boothIds(2));
    expect(seqsIn(h.dir, 'journal.jsonl')).toEqual([1, 2]); // the half-written batch was cut off
    await expectMemoryMatchesDisk(h);

    removeFault();
    expect(await h.commit(9)).toBe('ok');
    expect(seqsIn(h.dir, 'journal.jsonl')).toEqual([1, 2, 3]); // seq 3 again: the refused ones never happened
    await expectMemoryMatchesDisk(h);
    await h.store.close();
    expect([...(await reopened(h.dir)).state.booths.keys()]).toEqual(['b1', 'b2', 'b9']);
  });

  it('waits a little before trying a disk that failed again at once, and accepts again once space returns', async () => {
    const h = await openFaulty({ retryAfterFailureMs: 100 });
    h.io.inject({ op: 'write', file: 'journal.jsonl', code: 'ENOSPC' });
    expect(await h.commit(1)).toBe('refused');
    await reloaded(h);
    expect(h.logs.at(-1)).toMatch(/accepting changes again\.$/);
    expect(await h.commit(2)).toBe('refused');
    await reloaded(h, 2);
    expect(h.logs.at(-1)).toMatch(/accepting changes again in 100 ms\.$/);
    expect(await h.commit(3)).toBe('refused'); // refused before it reaches memory or the disk
    expect(h.logs.filter((line) => line.startsWith('Reloading'))).toHaveLength(2);

    h.io.clear();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await h.commit(4)).toBe('ok');
    await expectMemoryMatchesDisk(h);
    await h.store.close();
  });

  it('tries the reload again when the disk cannot even be read, and takes nothing meanwhile', async () => {
    const h = await openFaulty();
    await h.commit(1);
    h.io.inject({ op: 'datasync', file: 'journal.jsonl', times: 1 });
    h.io.inject({ op: 'readFile', file: 'journal.jsonl', times: 1 });
    expect(await h.commit(2)).toBe('refused');
    await waitFor(() => h.logs.some((line) => line.startsWith('Could not reload')));
    expect(await h.commit(3)).toBe('refused');
    await reloaded(h);
    expect(await h.commit(4)).toBe('ok');
    await expectMemoryMatchesDisk(h);
    await h.store.close();
  });
});

describe('file store: closing after a failed write', () => {
  it('closes while memory cannot be reloaded, saving nothing from it, and the folder opens again', async () => {
    const h = await openFaulty();
    await h.commit(1);
    h.io.inject({ op: 'write', file: 'journal.jsonl', code: 'EIO' });
    h.io.inject({ op: 'readFile', file: 'journal.jsonl', code: 'EIO' }); // every reload fails
    expect(await h.commit(2)).toBe('refused');
    await waitFor(() => h.logs.some((line) => line.startsWith('Could not reload')));
    await h.store.close();
    expect(fs.existsSync(path.join(h.dir, 'lock'))).toBe(false);
    expect(fs.existsSync(path.join(h.dir, 'db.json'))).toBe(false); // memory still held the refused b2
    const fresh = await reopened(h.dir);
    expect([...fresh.state.booths.keys()]).toEqual(['b1']);
  });
});

describe('file store: a failed snapshot', () => {
  it.each([
    ['the disk is full while writing it', { op: 'write', file: '.db.json.tmp', code: 'ENOSPC' }],
    ['renaming it into place fails', { op: 'rename', file: '.db.json.tmp', code: 'EIO' }],
    ['syncing the folder after the rename fails', { op: 'fsyncDir', code: 'EIO', after: 1 }],
  ] as const)('when %s: keeps db.json, refuses nothing, and writes it later without losing the backup it needs', async (_, fault) => {
    const h = await openFaulty({ snapshot: { idleMs: 5, retryMs: 300 } });
    await h.commit(1);
    await h.commit(2);
    await waitFor(() => fs.existsSync(path.join(h.dir, 'db.json')) && readDb(h.dir).seq === 2);

    h.io.inject(fault);
    expect(await h.commit(3)).toBe('ok');
    await waitFor(() => h.logs.some((line) => line.startsWith(`Could not write ${path.join(h.dir, 'db.json')}`)));
    expect(fs.readdirSync(h.dir)).not.toContain('.db.json.tmp');
    expect([2, 3]).toContain(readDb(h.dir).seq); // whole, old or new: the one it replaces is freed only once renamed over
    expect(await h.commit(4)).toBe('ok');
    await expectMemoryMatchesDisk(h);

    h.io.clear();
    await waitFor(() => readDb(h.dir).seq === 4);
    // db.json@2 did not hold record 3, so that rotation's segment stays until db.json does.
    expect(seqsIn(h.dir, 'journal.prev.jsonl')).toEqual([3]);
    expect(seqsIn(h.dir, 'journal.jsonl')).toEqual([4]);
    await h.store.close();
    expect([...(await reopened(h.dir)).state.booths.keys()]).toEqual(boothIds(4));
  });
});

describe('file store: a failed journal rotation', () => {
  it('keeps one segment when the rename fails, and still writes db.json', async () => {
    const h = await openFaulty({ snapshot: { idleMs: 5 } });
    h.io.inject({ op: 'rename', file: 'journal.jsonl', code: 'EIO' });
    await h.commit(1);
    await waitFor(() => fs.existsSync(path.join(h.dir, 'db.json')));
    expect(h.logs.join('\n')).toContain(`Could not rotate ${path.join(h.dir, 'journal.jsonl')}`);
    expect(await h.commit(2)).toBe('ok');
    expect(seqsIn(h.dir, 'journal.jsonl')).toEqual([1, 2]);
    await expectMemoryMatchesDisk(h);
    await h.store.close();
  });

  it.each([
    ['creating the new journal.jsonl', { op: 'open', file: 'journal.jsonl', times: 1 }],
    ['syncing the folder after the rotation', { op: 'fsyncDir', times: 1 }],
  ] as const)('treats a failure %s as a failed write of what was queued behind it', async (_, fault) => {
    const h = await openFaulty({ snapshot: { everyRecords: 3, idleMs: 60_000 } });
    h.io.inject(fault);
    h.io.inject({ op: 'rename', file: 'journal.jsonl', action: 'hold', times: 1 });
    const rotating = h.io.held();
    const batch = [1, 2, 3].map(h.commit); // the third makes a snapshot due
    await rotating; // that batch is saved, and the snapshot's rotation has begun
    const queued = [4, 5].map(h.commit);
    h.io.release();
    expect(await Promise.all([...batch, ...queued])).toEqual(['ok', 'ok', 'ok', 'refused', 'refused']);

    await reloaded(h);
    expect([...h.store.state.booths.keys()]).toEqual(boothIds(3));
    await expectMemoryMatchesDisk(h);
    expect(await h.commit(6)).toBe('ok');
    expect(seqsIn(h.dir, 'journal.jsonl')).toEqual([4]);
    await h.store.close();
  });
});
