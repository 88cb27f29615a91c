// A real full disk: a small tmpfs filled until the kernel answers ENOSPC. Needs root (or the
// mount capability); elsewhere it is skipped with a note, never failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeferredEntities, entitiesOnDisk } from '../../server/store/entitiesOnDisk.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { INDENT_UP_TO_BYTES } from '../../server/store/snapshotWriter.ts';
import { StorageError, type CommitRecord, type Store } from '../../server/store/store.ts';
import { booth } from './events.ts';
import { buildingRecords, changeRecord } from './fairEvents.ts';
import { copyFolder, dbState, quiet, reopened, tempDir } from './fixtures.ts';

const TMPFS_SIZE = '256k';
const BALLAST_BYTES = 48 * 1024; // deleted later: the space that "returns"
const RECORD_TEXT_CHARS = 2_000; // makes each record ~2 KB, so the disk fills in ~100 commits

/** Students enough that db.json is written compact, an entity a line, so a start can leave them on disk. */
const DEFERRED_STUDENTS = 4_000;
/** The tmpfs that fair is copied onto; all but FREE_BYTES of what it leaves is then filled. */
const DEFERRED_TMPFS_SIZE = '16m';
const FREE_BYTES = 32 * 1024;

/** Mounts a small tmpfs, or says why it cannot. Unmounted when the test finishes. */
function mountTmpfs(onFinished: (cleanup: () => void) => void, size = TMPFS_SIZE): string | Error {
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'boothlink-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    fs.rmdirSync(mountPoint);
    return error as Error;
  }
  onFinished(() => {
    execFileSync('umount', ['-l', mountPoint]);
    fs.rmdirSync(mountPoint);
  });
  return mountPoint;
}

/**
 * Commits record `n`, noting `n` in `acked` once it is durable: true then, false if the store
 * refused it, which on a full disk must be a StorageError.
 */
const committing = (store: Store, acked: number[], recordOf: (n: number) => CommitRecord) => (n: number): Promise<boolean> =>
  store.commit(recordOf(n)).then(
    () => (acked.push(n), true),
    (error: unknown) => {
      expect(error).toBeInstanceOf(StorageError);
      return false;
    },
  );

describe('file store: a real full disk', () => {
  it('refuses what does not fit, keeps memory equal to disk, and takes writes again once space is freed', async ({ skip, onTestFinished }) => {
    const mountPoint = mountTmpfs(onTestFinished);
    if (mountPoint instanceof Error) return skip(`cannot mount a ${TMPFS_SIZE} tmpfs here (${mountPoint.message.split('\n')[0]}); the injected ENOSPC tests cover this`);
    const ballast = path.join(mountPoint, 'ballast');
    fs.writeFileSync(ballast, Buffer.alloc(BALLAST_BYTES, 1));
    const dir = path.join(mountPoint, 'data');
    const logs: string[] = [];
    const store = await openFileStore(dir, { log: (line) => logs.push(line), retryAfterFailureMs: 1, snapshot: { idleMs: 60_000 } });

    const acked: number[] = [];
    const commit = committing(store, acked, (n) => ({ events: [{ type: 'booth.created', booth: { ...booth(`b${n}`), description: 'x'.repeat(RECORD_TEXT_CHARS) } }], key: `action-${n}` }));
    let n = 0;
    while (await commit((n += 1))) if (n > 1_000) throw new Error('the tmpfs never filled up');
    const refusedAt = n;
    expect(logs.join('\n')).toMatch(/ENOSPC|no space/i);
    await expect.poll(() => logs.some((line) => line.startsWith('Reloaded the fair'))).toBe(true);

    // Memory equals what a start from this folder finds (copied off the full disk to open it).
    const fresh = await reopened(copyFolder(dir));
    expect(store.state).toEqual(fresh.state);
    expect(fresh.applied(`action-${refusedAt}`)).toBe(false);
    for (const k of acked) expect(fresh.applied(`action-${k}`)).toBe(true);

    fs.rmSync(ballast);
    await expect.poll(async () => commit((n += 1)), { timeout: 5_000 }).toBe(true);
    await store.close(); // its snapshot may not fit; the journal holds everything regardless

    const final = await reopened(copyFolder(dir));
    expect([...final.state.booths.keys()]).toEqual(acked.map((k) => `b${k}`));
  });

  it('a start that left its students and introductions in db.json reloads after a full disk, and holds what a start that read them all holds', async ({ skip, onTestFinished }) => {
    const built = tempDir();
    const builder = await openFileStore(built, { log: quiet });
    for (const events of buildingRecords(DEFERRED_STUDENTS)) void builder.commit({ events });
    await builder.close();
    expect(fs.statSync(path.join(built, 'db.json')).size).toBeGreaterThan(INDENT_UP_TO_BYTES);

    const mountPoint = mountTmpfs(onTestFinished, DEFERRED_TMPFS_SIZE);
    if (mountPoint instanceof Error) return skip(`cannot mount a ${DEFERRED_TMPFS_SIZE} tmpfs here (${mountPoint.message.split('\n')[0]})`);
    const dir = path.join(mountPoint, 'data');
    fs.mkdirSync(dir, { mode: 0o700 });
    for (const name of fs.readdirSync(built)) if (name !== 'lock') fs.copyFileSync(path.join(built, name), path.join(dir, name));
    const ballast = path.join(mountPoint, 'ballast');
    const { bavail, bsize } = fs.statfsSync(mountPoint);
    fs.writeFileSync(ballast, Buffer.alloc(bavail * bsize - FREE_BYTES, 1));

    const logs: string[] = [];
    const store = await openFileStore(dir, {
      log: (line) => logs.push(line), retryAfterFailureMs: 1, deferEntitiesFromBytes: 0, snapshot: { idleMs: 60_000, everyRecords: 1_000_000 },
    });
    const db = path.join(dir, 'db.json');
    expect(entitiesOnDisk(db)).toBe(true);
    expect(store.state.students.get('s3')?.id).toBe('s3'); // one read, the rest still in the file

    const acked: number[] = [];
    const commit = committing(store, acked, (i) => ({ events: changeRecord(i, DEFERRED_STUDENTS), key: `change-${i}` }));
    let i = 0;
    while (await commit((i += 1))) if (i > 10_000) throw new Error('the tmpfs never filled up');
    const refusedAt = i;
    await expect.poll(() => logs.some((line) => line.startsWith('Reloaded the fair'))).toBe(true);
    expect(store.state.students, 'the reload reads db.json as the start did').toBeInstanceOf(DeferredEntities);

    // Memory equals what a start that reads every entity finds (copied off the full disk to open it).
    const fresh = await openFileStore(copyFolder(dir), { log: quiet });
    expect(dbState(store.state, { packed: true })).toEqual(dbState(fresh.state, { packed: true }));
    expect(fresh.applied(`change-${refusedAt}`)).toBe(false);
    for (const k of acked) expect(fresh.applied(`change-${k}`)).toBe(true);
    await fresh.close();

    fs.rmSync(ballast);
    await expect.poll(async () => commit((i += 1)), { timeout: 5_000 }).toBe(true);
    await store.close();
    expect(entitiesOnDisk(db)).toBe(false);
    const final = await reopened(copyFolder(dir));
    expect(final.applied(`change-${i}`)).toBe(true);
    expect(final.applied(`change-${refusedAt}`)).toBe(false);
  });
});
