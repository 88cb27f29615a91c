// Start-up: openFileStore until it resolves (ready to serve), against the floor of reading and
// JSON-parsing every file of the same folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openFileStore } from '../../server/store/fileStore.ts';
import { quiet } from './fair.ts';
import { folderFiles } from './folder.ts';

/** One start, timed. The process then exits without close(), so the folder stays as it was. */
export async function openOnce({ dir }: { dir: string }) {
  const started = performance.now();
  const store = await openFileStore(dir, { log: quiet });
  const ms = performance.now() - started;
  return { ms, introductions: store.state.introductions.size, rssBytes: process.memoryUsage().rss };
}

/**
 * Reads every file and parses it as JSON (JSON lines for .jsonl); a file that is not JSON, like the
 * lock, is only read. db.json carries the last journal seq it contains and each journal
 * line its own seq, so this also tells how many records lie past the snapshot, and what the floor
 * of a start is: the files that hold the fair past the snapshot's seq. A segment of records that
 * db.json already holds (a backup kept by compaction) is timed, but left out of that floor.
 */
export async function parseFolder({ dir }: { dir: string }) {
  let snapshotSeq = 0;
  const segments: { ms: number; seqs: number[] }[] = [];
  let otherMs = 0;
  for (const { name } of folderFiles(dir)) {
    const started = performance.now();
    const text = await readFile(path.join(dir, name), 'utf8');
    if (name.endsWith('.jsonl')) {
      const seqs: number[] = [];
      for (const line of text.split('\n')) if (line !== '') seqs.push(seqOf(JSON.parse(line)));
      segments.push({ ms: performance.now() - started, seqs });
      continue;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (name === 'db.json') snapshotSeq = seqOf(value);
    } catch {
      // not JSON: reading it was the whole cost
    }
    otherMs += performance.now() - started;
  }
  const needed = segments.filter((segment) => segment.seqs.some((seq) => seq > snapshotSeq));
  const sum = (list: typeof segments) => list.reduce((total, segment) => total + segment.ms, 0);
  return {
    allMs: otherMs + sum(segments),
    neededMs: otherMs + sum(needed),
    recordsPastSnapshot: segments.flatMap((segment) => segment.seqs).filter((seq) => seq > snapshotSeq).length,
  };
}

const seqOf = (value: unknown): number => {
  const seq = (value as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' ? seq : 0;
};
