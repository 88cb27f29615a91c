// The data folder is the owner's alone: a new one is made 700 with files 600 whatever the umask,
// and a start on a folder left wider tightens it, or says why it cannot.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import { profileSaved } from './contract.ts';
import { boothCreated } from './events.ts';
import { FaultyIo } from './faultyIo.ts';
import { quiet, tempDir, waitFor } from './fixtures.ts';

const modeOf = (file: string): number => fs.lstatSync(file).mode & 0o777;

/** The mode of the folder and of each file in it, by name ('.' for the folder). */
function modes(dir: string): Record<string, number> {
  const found: Record<string, number> = { '.': modeOf(dir) };
  for (const name of fs.readdirSync(dir)) if (fs.lstatSync(path.join(dir, name)).isFile()) found[name] = modeOf(path.join(dir, name));
  return found;
}

const ownerOnly = (names: string[]): Record<string, number> =>
  Object.fromEntries([['.', 0o700], ...names.map((name) => [name, 0o600])]);

/** Runs `work` with the process's umask at `mask`, as an organiser's shell might have it. */
async function withUmask<T>(mask: number, work: () => Promise<T>): Promise<T> {
  const before = process.umask(mask);
  try {
    return await work();
  } finally {
    process.umask(before);
  }
}

describe('file store: the data folder is readable by its owner only', () => {
  it('makes a new folder 700 and every file in it 600, even with a umask of 000', async () => {
    const dir = path.join(tempDir(), 'fair', 'data'); // two levels made by the store
    await withUmask(0o000, async () => {
      const store = await openFileStore(dir, { log: quiet, snapshot: { idleMs: 10 } });
      await store.commit({ events: [boothCreated('b1'), profileSaved('kim')] });
      await waitFor(() => fs.existsSync(path.join(dir, 'db.json')) && fs.existsSync(path.join(dir, 'journal.prev.jsonl')));
      expect(modes(dir)).toEqual(ownerOnly(['db.json', 'journal.jsonl', 'journal.prev.jsonl', 'lock']));
      expect(modeOf(path.dirname(dir))).toBe(0o700);
      await store.close();
    });
  });

  it('tightens an existing folder and its files, a copy made by hand included, and leaves what a link points to alone', async () => {
    const dir = tempDir();
    const first = await openFileStore(dir, { log: quiet });
    await first.commit({ events: [boothCreated('b1'), profileSaved('kim')] });
    await first.close();
    // As an older version, a `cp -r` or an unzip would leave it.
    const outside = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(outside, 'not the store\'s');
    fs.chmodSync(outside, 0o644);
    fs.copyFileSync(path.join(dir, 'db.json'), path.join(dir, 'db.json.bak'));
    fs.symlinkSync(outside, path.join(dir, 'notes'));
    for (const name of ['db.json', 'db.json.bak', 'journal.jsonl']) fs.chmodSync(path.join(dir, name), 0o644);
    fs.chmodSync(dir, 0o755);

    const logs: string[] = [];
    const store = await openFileStore(dir, { log: (line) => logs.push(line) });
    expect(modes(dir)).toEqual(ownerOnly(['db.json', 'db.json.bak', 'journal.jsonl', 'journal.prev.jsonl', 'lock']));
    expect(modeOf(outside)).toBe(0o644);
    expect(logs).toContain(`Made the folder, db.json, db.json.bak, journal.jsonl in ${dir} readable by their owner only; other users of this computer could read them.`);
    await store.close();

    // Already tight: nothing to say the next time.
    const quietLogs: string[] = [];
    await (await openFileStore(dir, { log: (line) => quietLogs.push(line) })).close();
    expect(quietLogs.filter((line) => line.includes('owner'))).toEqual([]);
  });

  it('says which file stays open to others, why, and what to run, and starts all the same', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'journal.jsonl'), '');
    fs.chmodSync(path.join(dir, 'journal.jsonl'), 0o644);
    const io = new FaultyIo();
    io.inject({ op: 'chmod', file: 'journal.jsonl', code: 'EPERM' });
    const logs: string[] = [];
    const store = await openFileStore(dir, { log: (line) => logs.push(line), io });
    const file = path.join(dir, 'journal.jsonl');
    expect(logs).toContain(
      `${file} can be read by other users of this computer (mode 644) and could not be made owner-only: permission denied. ` +
      `It holds students' contact details: run chmod 600 '${file}' as its owner, or choose a folder on another disk with DATA_DIR.`,
    );
    await store.commit({ events: [boothCreated('b1')] });
    await store.close();
  });
});
