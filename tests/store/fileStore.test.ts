import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../server/domain/state.ts';
import type { FairEvent } from '../../server/domain/types.ts';
import { loadAdminToken } from '../../server/store/adminToken.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { StorageError } from '../../server/store/store.ts';
import { runStoreContract } from './contract.ts';
import { booth, boothCreated, codeReset, journalLine } from './events.ts';
import { FaultyIo } from './faultyIo.ts';
import { dbText, deadPid, journalLines, quiet, readDb, tempDir, waitFor } from './fixtures.ts';

runStoreContract('file store', async () => {
  const dir = tempDir();
  let current = await openFileStore(dir, { log: quiet });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await openFileStore(dir, { log: quiet });
      return current;
    },
  };
});

describe('file store: files on disk', () => {
  it('creates a missing data folder, holds the lock while open, and writes a readable db.json on close', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const store = await openFileStore(dir, { log: quiet });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'lock'), 'utf8'))).toMatchObject({ lock: 'boothlink', pid: process.pid });

    await store.commit({ events: [boothCreated('b1')], key: 'action-0001' });
    await store.close();

    expect(fs.existsSync(path.join(dir, 'lock'))).toBe(false);
    const db = readDb(dir);
    expect(db.seq).toBe(1);
    expect(db.state.booths.find((b) => b.id === 'b1')).toEqual(booth('b1'));
    expect(db.applied).toEqual({ keys: ['action-0001'] });
    expect(fs.readFileSync(path.join(dir, 'db.json'), 'utf8')).toContain('\n  "seq": 1,'); // indented for people
  });

  it('creates its files readable by their owner only', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet });
    await store.commit({ events: [boothCreated('b1')] });
    await store.close();
    const token = await loadAdminToken(dir, undefined);
    expect(token.length).toBeGreaterThanOrEqual(22);
    for (const file of ['journal.jsonl', 'db.json', 'admin-token']) expect(fs.statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);
  });

  it('makes the organiser token through the same file operations: a failing disk stops the start with its error', async () => {
    const io = new FaultyIo();
    io.inject({ op: 'open', file: 'admin-token', code: 'ENOSPC' });
    await expect(loadAdminToken(tempDir(), undefined, io)).rejects.toThrow(/ENOSPC/);
    expect(io.calls.map((c) => `${c.op} ${c.file}`)).toEqual(['readFile admin-token', 'open admin-token']);
  });

  it('group commit: 100 concurrent commits all resolve and land as 100 journal lines in order', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet });
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.commit({ events: [boothCreated(`b${i}`)] })));

    const lines = journalLines(dir);
    expect(lines).toHaveLength(100);
    expect(lines.map((line) => JSON.parse(line).seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    await store.close();
  });

  it('writes a snapshot after a quiet moment, rotating the journal at its seq', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet, snapshot: { idleMs: 10 } });
    await store.commit({ events: [boothCreated('b1')] });
    await waitFor(() => fs.existsSync(path.join(dir, 'db.json')) && readDb(dir).seq === 1);
    expect(fs.readFileSync(path.join(dir, 'journal.prev.jsonl'), 'utf8')).toBe(journalLine(1, [boothCreated('b1')]));

    await store.commit({ events: [boothCreated('b2')] });
    expect(journalLines(dir).map((line) => JSON.parse(line).seq)).toEqual([2]);
    await waitFor(() => readDb(dir).seq === 2);
    expect(readDb(dir).state.booths.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(journalLines(dir)).toEqual([]);
    await store.close();
  });

  it('writes a snapshot after SNAPSHOT_EVERY_RECORDS records even when never quiet', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet, snapshot: { everyRecords: 5, idleMs: 60_000 } });
    for (let i = 1; i <= 5; i += 1) await store.commit({ events: [boothCreated(`b${i}`)] });
    await waitFor(() => fs.existsSync(path.join(dir, 'db.json')));
    expect(readDb(dir).seq).toBe(5);
    await store.close();
  });

  it('replays only the journal lines past the snapshot seq', async () => {
    const dir = tempDir();
    // The snapshot holds seq 2 with code SNAP-SHOT; lines 1–2 say otherwise and must be skipped.
    const state = initialState();
    state.booths.set('b1', booth('b1', 'SNAP-SHOT'));
    fs.writeFileSync(path.join(dir, 'db.json'), dbText(2, state, new Set(['action-0001'])));
    fs.writeFileSync(
      path.join(dir, 'journal.jsonl'),
      journalLine(1, [boothCreated('b1', 'LINE-ONE1')]) +
        journalLine(2, [codeReset('b1', 'LINE-TWO2'), boothCreated('skipped')]) +
        journalLine(3, [boothCreated('b3')], 'action-0003', 'third'),
    );

    const store = await openFileStore(dir, { log: quiet });
    expect(store.state.booths.get('b1')?.pairingCode).toBe('SNAP-SHOT');
    expect([...store.state.booths.keys()]).toEqual(['b1', 'b3']);
    expect(store.applied('action-0001')).toBe(true);
    expect(store.applied('action-0003')).toBe(true); // a line with a reply, as older journals wrote

    await store.commit({ events: [boothCreated('b4')] });
    expect(JSON.parse(journalLines(dir)[3] ?? '{}').seq).toBe(4); // seq continues past the journal
    await store.close();
  });

  it('loses nothing confirmed when the server dies without close, and takes over its stale lock', async () => {
    const dir = tempDir();
    const { signal, stdout } = await runCrashWriter(dir, 50);
    expect(stdout).toBe('committed 50\n');
    expect(signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(dir, 'lock'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'db.json'))).toBe(false);

    const logs: string[] = [];
    const store = await openFileStore(dir, { log: (line) => logs.push(line) });
    expect(store.state.booths.size).toBe(50);
    expect(store.applied('action-49')).toBe(true);
    expect(logs.join('\n')).toMatch(/no longer running/);
    await store.close();
  });
});

describe('file store: the data folder', () => {
  it('refuses a second open of the same folder while the first is open', async () => {
    const dir = tempDir();
    const first = await openFileStore(dir, { log: quiet });
    await expect(openFileStore(dir, { log: quiet })).rejects.toThrow(
      `Another Boothlink server is already using the data folder ${dir} (pid ${process.pid}). Stop it first, or set DATA_DIR to another folder.`,
    );
    await first.commit({ events: [boothCreated('b1')] }); // the first one is unaffected
    await first.close();
  });

  it('takes over a stale lock whose pid is not running', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'lock'), `${deadPid()}\n`);
    const store = await openFileStore(dir, { log: quiet });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'lock'), 'utf8'))).toMatchObject({ lock: 'boothlink', pid: process.pid });
    await store.close();
  });

  it('explains a data folder that cannot be created', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const dir = path.join(blocker, 'data');
    await expect(openFileStore(dir, { log: quiet })).rejects.toThrow(
      `Cannot write to the data folder ${dir}: a file is in the way where a folder should be. Choose another with DATA_DIR.`,
    );
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('explains a read-only data folder', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o500);
    try {
      await expect(openFileStore(dir, { log: quiet })).rejects.toThrow(
        `Cannot write to the data folder ${dir}: permission denied. Choose another with DATA_DIR.`,
      );
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });
});

describe('file store: refused commits', () => {
  it('refuses a record that cannot be saved as JSON and leaves state unchanged', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet });
    const unsaveable = { ...boothCreated('b1'), big: 1n } as unknown as FairEvent;
    await expect(store.commit({ events: [unsaveable], key: 'action-0001' })).rejects.toThrow(TypeError);
    expect(store.state.booths).toEqual(new Map());
    expect(store.applied('action-0001')).toBe(false);
    await store.close();
  });

  it('refuses commits after close with a StorageError', async () => {
    const store = await openFileStore(tempDir(), { log: quiet });
    await store.close();
    await expect(store.commit({ events: [] })).rejects.toBeInstanceOf(StorageError);
  });
});

function runCrashWriter(dir: string, count: number): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  const script = fileURLToPath(new URL('./crashWriter.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, stdout }));
  });
}
