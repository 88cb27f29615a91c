// What a data folder holds, by file, so every result can say what it was measured on.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { mb } from '../numbers.ts';

export interface FileSize {
  name: string;
  bytes: number;
}

export function folderFiles(dir: string): FileSize[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, bytes: statSync(path.join(dir, entry.name)).size }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const describeFiles = (files: readonly FileSize[]): string =>
  files.map((file) => `${file.name} ${file.bytes < 1024 ? `${file.bytes} B` : mb(file.bytes)}`).join(', ');

/**
 * Resolves once no file in `dir` has changed for `quietMs` (a snapshot the store began on its own
 * has then finished), or after `timeoutMs` whatever happens.
 */
export async function quietFolder(dir: string, quietMs = 1500, timeoutMs = 30_000): Promise<void> {
  const look = () => JSON.stringify(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs]));
  const started = Date.now();
  let last = look();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = look();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/** The builds and copies leave hundreds of MB for the kernel to write back: each measurement starts on a settled disk. */
export const settleDisk = (): void => void execFileSync('sync');
