// What "changed nothing" means on disk: the journal's bytes (every segment) are the same.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** sha-256 over the data folder's journal files, in name order. */
export function journalHash(dataDir: string): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dataDir).filter((n) => /^journal.*\.jsonl$/.test(n)).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(dataDir, name)));
  }
  return hash.digest('hex');
}
