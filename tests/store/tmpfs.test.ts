// A real full disk: a 256 KiB tmpfs filled until the kernel answers ENOSPC. Needs root (or the
// mount capability); elsewhere it is skipped with a note, never failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import { StorageError } from '../../server/store/store.ts';
import { booth } from './events.ts';
import { copyFolder, reopened } from './fixtures.ts';

const TMPFS_SIZE = '256k';
const BALLAST_BYTES = 48 * 1024; // deleted later: the space that "returns"
const RECORD_TEXT_CHARS = 2_000; // makes each record ~2 KB, so the disk fills in ~100 commits

/** Mounts a small tmpfs, or says why it cannot. Unmounted when the test finishes. */
function mountTmpfs(onFinished: (cleanup: () => void) => void): string | Error {
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'boothlink-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', mountPoint], { stdio: 'pipe' });
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
    const commit = (n: number): Promise<boolean> =>
      store.commit({ events: [{ type: 'booth.created', booth: { ...booth(`b${n}`), description: 'x'.repeat(RECORD_TEXT_CHARS) } }], key: `action-${n}` }).then(
        () => (acked.push(n), true),
        (error: unknown) => {
          expect(error).toBeInstanceOf(StorageError);
          return false;
        },
      );
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
});
