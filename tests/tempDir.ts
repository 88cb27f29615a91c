// Folders for one test file's fairs, in the system's temp folder, removed once the file's tests are
// done (tests/removeTempDirs.ts, a setup file of the server and cluster projects). Before, each
// `npm test` left ~90 of them behind, some holding a test fair.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function tempDir(prefix = 'boothlink-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
