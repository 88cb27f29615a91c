// Shared by the store tests: a throwaway data folder per test, file digests, a dead pid, a reopen.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { packProfile, profileOf } from '../../server/domain/profiles.ts';
import type { FairState, Student } from '../../server/domain/types.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import type { AppliedKeys } from '../../server/store/record.ts';
import type { Applied } from '../../server/store/store.ts';
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

/** The state as db.json holds it: each collection the list of its entities, the other parts as they are. */
export type DbState = { [K in keyof FairState]: FairState[K] extends Map<string, infer Entity> ? Entity[] : FairState[K] };

/** db.json as JSON.parse reads it. */
export interface DbFile {
  seq: number;
  lastWipeSeq: number;
  state: DbState;
  applied: { keys: string[] };
}

export function readDb(dir: string): DbFile {
  return JSON.parse(fs.readFileSync(path.join(dir, 'db.json'), 'utf8')) as DbFile;
}

/**
 * The state in db.json's shape, in the state's own order, as the store writes it: each student's
 * profile an object, as in a small db.json, or `packed` into one string, as in a large one (profiles.ts).
 */
export function dbState(state: FairState, { packed = false } = {}): DbState {
  const onDisk = (key: string, entity: unknown): unknown => (key === 'students' ? withProfile(entity as Student, packed) : entity);
  const parts = Object.entries(state).map(([key, part]: [string, unknown]) => [key, part instanceof Map ? [...part.values()].map((entity) => onDisk(key, entity)) : part]);
  return Object.fromEntries(parts) as DbState;
}

/** The student with its profile packed, or unpacked. */
export function withProfile(student: Student, packed: boolean): Student {
  return { ...student, profile: packed ? packProfile(profileOf(student)) : profileOf(student) };
}

/** The applied keys as db.json holds them: a list. */
export const appliedOnDisk = (applied: AppliedKeys): DbFile['applied'] => ({ keys: [...applied] });

/** The text of a db.json holding this state, as the store writes a small one. */
export function dbText(seq: number, state: FairState, applied: AppliedKeys = new Set(), lastWipeSeq = 0): string {
  return JSON.stringify({ seq, lastWipeSeq, state: dbState(state), applied: appliedOnDisk(applied) }, null, 2);
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
export async function reopened(dir: string): Promise<{ state: FairState; applied: (key: string) => Applied }> {
  const store = await openFileStore(dir, { log: quiet });
  const state = structuredClone(store.state);
  const applied = (key: string): Applied => store.applied(key);
  await store.close();
  return { state, applied };
}

