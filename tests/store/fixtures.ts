// Shared by the store tests: a throwaway data folder per test, file digests, a dead pid, a reopen.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { FairState } from '../../server/domain/state.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { waitFor as waitForCondition } from '../helpers.ts';

/** A fresh folder, removed when the current test finishes. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boothlink-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** sha-256 of every file in the folder, to prove that nothing was changed. */
export function digests(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    result[name] = createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
  }
  return result;
}

export function journalLines(dir: string): string[] {
  return fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((line) => line !== '');
}

/** A pid that no process has right now, for a lock left by a server that died. */
export function deadPid(): number {
  for (let pid = 999_999; ; pid += 1) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

export const quiet = (): void => {};

/** db.json as JSON.parse reads it, each collection's list of entities made a record by id, as the state holds it. */
export function readDb(dir: string): { seq: number; state: FairState; applied: Record<string, unknown> } {
  const db = JSON.parse(fs.readFileSync(path.join(dir, 'db.json'), 'utf8')) as { seq: number; state: Record<string, unknown>; applied: Record<string, unknown> };
  for (const [key, part] of Object.entries(db.state)) {
    if (Array.isArray(part)) db.state[key] = Object.fromEntries(part.map((entity: { id: string }) => [entity.id, entity]));
  }
  return db as unknown as { seq: number; state: FairState; applied: Record<string, unknown> };
}

/** Copies the data folder without its lock: what a restart after a crash at this instant would find. */
export function copyFolder(dir: string): string {
  const copy = tempDir();
  for (const name of fs.readdirSync(dir)) {
    if (name !== 'lock') fs.copyFileSync(path.join(dir, name), path.join(copy, name));
  }
  return copy;
}

/** waitFor (helpers.ts) with the store tests' longer default: snapshots of big fairs take seconds. */
export const waitFor = (check: () => boolean, timeoutMs = 5_000): Promise<void> => waitForCondition(check, timeoutMs);

/** Opens the folder, hands back what a fresh start holds, and closes it again. */
export async function reopened(dir: string): Promise<{ state: FairState; applied: (key: string) => unknown }> {
  const store = await openFileStore(dir, { log: quiet });
  const state = structuredClone(store.state);
  const applied = (key: string): unknown => store.applied(key);
  await store.close();
  return { state, applied };
}

