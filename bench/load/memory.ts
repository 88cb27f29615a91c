// Resident memory of a server child, as the operating system counts it, after a forced full GC
// (node --expose-gc) and a pause: garbage left from connecting is not what a server holds.
import { setTimeout as sleep } from 'node:timers/promises';

export const SETTLE_MS = 2000;

export interface MemoryReading {
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
}

export async function settledMemory(): Promise<MemoryReading> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the server child with --expose-gc.');
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(SETTLE_MS / 3);
  }
  gc();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, externalBytes: usage.external + usage.arrayBuffers };
}
