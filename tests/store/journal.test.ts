// The journal writer against a fake file, to count syncs and to make the disk fail on purpose.
import { describe, expect, it } from 'vitest';
import { nodeIo, type StoreFile } from '../../server/store/io.ts';
import { JournalWriter } from '../../server/store/journal.ts';
import { StorageError } from '../../server/store/store.ts';

/** An in-memory file that records calls and fails the operations it is told to. */
class FakeFile implements StoreFile {
  bytes = Buffer.alloc(0);
  writes = 0;
  syncs = 0;
  failNextSync = false;
  failTruncate = false;

  async write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }> {
    return { bytesWritten: this.writeNow(buffer, offset, length) };
  }
  writeNow(buffer: Uint8Array, offset: number, length: number): number {
    this.writes += 1;
    // Half of each write at a time, to exercise the partial-write loop.
    const bytesWritten = Math.max(1, Math.floor(length / 2));
    this.bytes = Buffer.concat([this.bytes, buffer.subarray(offset, offset + bytesWritten)]);
    return bytesWritten;
  }
  async datasync(): Promise<void> {
    this.syncs += 1;
    await new Promise((resolve) => setImmediate(resolve)); // a sync takes a turn of the event loop, as a disk's does
    if (this.failNextSync) {
      this.failNextSync = false;
      throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    }
  }
  async truncate(length: number): Promise<void> {
    if (this.failTruncate) throw new Error('EIO: i/o error, ftruncate');
    this.bytes = this.bytes.subarray(0, length);
  }
  async read(): Promise<{ bytesRead: number }> {
    return { bytesRead: 0 };
  }
  async stat(): Promise<{ size: number }> {
    return { size: this.bytes.length };
  }
  async close(): Promise<void> {}
  get text(): string {
    return this.bytes.toString('utf8');
  }
}

/** A writer over a fake file; `failures` counts the calls of onFailure. Rotation is not used here (see compaction.test.ts). */
function writer(file: FakeFile, log: (line: string) => void = () => {}): { journal: JournalWriter; failures: () => number } {
  let failures = 0;
  const journal = new JournalWriter(file, 0, { io: nodeIo, dir: '/nowhere', log, onFailure: () => (failures += 1) });
  return { journal, failures: () => failures };
}

describe('journal writer', () => {
  it('sends every line queued in one tick out with one fdatasync', async () => {
    const file = new FakeFile();
    const { journal } = writer(file);
    await Promise.all(Array.from({ length: 100 }, (_, i) => journal.append(`{"seq":${i + 1}}\n`)));
    expect(file.syncs).toBe(1);
    expect(file.text.split('\n')).toHaveLength(101);
  });

  it('batches lines that arrive while a write is in flight into the next single sync', async () => {
    const file = new FakeFile();
    const { journal } = writer(file);
    const first = journal.append('a\n');
    await new Promise((resolve) => setImmediate(resolve)); // the first batch is now in flight
    const later = [journal.append('b\n'), journal.append('c\n'), journal.append('d\n')];
    await Promise.all([first, ...later]);
    expect(file.syncs).toBe(2);
    expect(file.text).toBe('a\nb\nc\nd\n');
  });

  it('refuses the failed batch and every line queued behind it, cuts the batch off the file, and tells its owner once', async () => {
    const file = new FakeFile();
    const logs: string[] = [];
    const { journal, failures } = writer(file, (line) => logs.push(line));
    await journal.append('good\n');

    file.failNextSync = true;
    const batch = [journal.append('lost-1\n'), journal.append('lost-2\n')];
    await new Promise((resolve) => setImmediate(resolve)); // that batch is now in flight
    const queued = [journal.append('queued-3\n'), journal.checkpoint(false)];
    const results = await Promise.allSettled([...batch, ...queued]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(StorageError);
      expect(reason.message).toBe(
        'The server could not save that (disk full or failing). Nothing was changed; free some space or check the disk, then try again.',
      );
    }
    expect(file.text).toBe('good\n');
    expect(journal.failed).toBe(true);
    expect(failures()).toBe(1);
    expect(logs.join('\n')).toMatch(/Could not save 3 queued change\(s\)/);

    // Its owner reloads from disk and opens a new writer; this one refuses everything from now on.
    await expect(journal.append('next\n')).rejects.toBeInstanceOf(StorageError);
    expect(file.text).toBe('good\n');
  });

  it('still refuses when the failed batch cannot be cut off, and says so', async () => {
    const file = new FakeFile();
    const logs: string[] = [];
    const { journal, failures } = writer(file, (line) => logs.push(line));
    file.failNextSync = true;
    file.failTruncate = true;
    await expect(journal.append('lost\n')).rejects.toBeInstanceOf(StorageError);
    expect(failures()).toBe(1);
    expect(logs.join('\n')).toMatch(/Could not cut the failed write off journal\.jsonl/);
  });

  it('a checkpoint resolves once the lines before it are durable, without rotating when not asked', async () => {
    const file = new FakeFile();
    const { journal } = writer(file);
    void journal.append('a\n');
    const checkpoint = journal.checkpoint(false);
    void journal.append('b\n');
    await expect(checkpoint).resolves.toBe(false);
    expect(file.text.startsWith('a\n')).toBe(true);
    await journal.drained();
    expect(file.text).toBe('a\nb\n');
    expect(file.syncs).toBe(2); // a checkpoint ends a batch
  });
});
