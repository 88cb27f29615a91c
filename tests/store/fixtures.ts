// Shared by the store tests: a throwaway data folder per test, file digests, a dead pid.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

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
