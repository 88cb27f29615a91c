// The journal writer against a fake file, to count syncs and to make the disk fail on purpose.
import { describe, expect, it } from 'vitest';
import { JournalWriter, type JournalFile } from '../../server/store/journal.ts';
import { StorageError } from '../../server/store/store.ts';

/** An in-memory file that records calls and fails the operations it is told to. */
class FakeFile implements JournalFile {
  bytes = Buffer.alloc(0);
  writes = 0;
  syncs = 0;
  failNextSync = false;
  failTruncate = false;

  async write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }> {
    this.writes += 1;
    // Half of each write at a time, to exercise the partial-write loop.
    const bytesWritten = Math.max(1, Math.floor(length / 2));
    this.bytes = Buffer.concat([this.bytes, buffer.subarray(offset, offset + bytesWritten)]);
    return { bytesWritten };
  }
  async datasync(): Promise<void> {
    this.syncs += 1;
    if (this.failNextSync) {
      this.failNextSync = false;
      throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
    }
  }
  async truncate(length: number): Promise<void> {
    if (this.failTruncate) throw new Error('EIO: i/o error, ftruncate');
    this.bytes = this.bytes.subarray(0, length);
  }
  async close(): Promise<void> {}
  get text(): string {
    return this.bytes.toString('utf8');
  }
}

describe('journal writer', () => {
  it('sends every line queued in one tick out with one fdatasync', async () => {
    const file = new FakeFile();
    const journal = new JournalWriter(file, 0, () => {});
    await Promise.all(Array.from({ length: 100 }, (_, i) => journal.append(`{"seq":${i + 1}}\n`)));
    expect(file.syncs).toBe(1);
    expect(file.text.split('\n')).toHaveLength(101);
  });

  it('batches lines that arrive while a write is in flight into the next single sync', async () => {
    const file = new FakeFile();
    const journal = new JournalWriter(file, 0, () => {});
    const first = journal.append('a\n');
    await new Promise((resolve) => setImmediate(resolve)); // the first batch is now in flight
    const later = [journal.append('b\n'), journal.append('c\n'), journal.append('d\n')];
    await Promise.all([first, ...later]);
    expect(file.syncs).toBe(2);
    expect(file.text).toBe('a\nb\nc\nd\n');
  });

  it('refuses every waiting line when the sync fails, cuts them off the file, and carries on', async () => {
    const file = new FakeFile();
    const logs: string[] = [];
    const journal = new JournalWriter(file, 0, (line) => logs.push(line));
    await journal.append('good\n');

    file.failNextSync = true;
    const results = await Promise.allSettled([journal.append('lost-1\n'), journal.append('lost-2\n')]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(StorageError);
      expect(reason.message).toBe('The server could not save that. Nothing was changed; try again in a moment.');
    }
    expect(file.text).toBe('good\n');
    expect(journal.failed).toBe(true);
    expect(logs.join('\n')).toMatch(/Could not save 2 action\(s\)/);

    await journal.append('next\n');
    expect(file.text).toBe('good\nnext\n');
  });

  it('refuses everything after a failure it cannot repair', async () => {
    const file = new FakeFile();
    const journal = new JournalWriter(file, 0, () => {});
    file.failNextSync = true;
    file.failTruncate = true;
    await expect(journal.append('lost\n')).rejects.toBeInstanceOf(StorageError);
    expect(journal.broken).toBe(true);
    await expect(journal.append('refused\n')).rejects.toBeInstanceOf(StorageError);
  });
});
