// Appends to journal.jsonl with group commit: every line queued while the disk is busy goes out
// in one write and one fdatasync, so durability costs one sync per batch, not one per action.
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './dataDir.ts';
import { JOURNAL_FILE } from './journalReader.ts';
import { SAVE_FAILED_MESSAGE, unwritableFolderMessage } from './messages.ts';
import { StorageError } from './store.ts';

/** The part of a FileHandle the writer uses; tests pass a fake to make the disk fail. */
export interface JournalFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

interface Waiting {
  line: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class JournalWriter {
  readonly #file: JournalFile;
  readonly #log: (line: string) => void;
  /** Length of the part of the file known to be whole lines, all of them durable. */
  #size: number;
  #queue: Waiting[] = [];
  #running = false;
  /** Settles once everything appended so far has settled. */
  #tail: Promise<void> = Promise.resolve();
  #failed = false;
  #broken: unknown;

  constructor(file: JournalFile, size: number, log: (line: string) => void) {
    this.#file = file;
    this.#size = size;
    this.#log = log;
  }

  /** True once any batch failed: memory may then hold changes the disk does not. */
  get failed(): boolean {
    return this.#failed;
  }

  /** True if the file could not be put back in a known shape after a failure; nothing more is accepted. */
  get broken(): boolean {
    return this.#broken !== undefined;
  }

  /** Queues one line (ending in \n); resolves once it is on disk, rejects with a StorageError if not. */
  append(line: string): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.#queue.push({ line, resolve, reject }));
    this.#tail = done.then(ignore, ignore);
    if (!this.#running) {
      this.#running = true;
      // setImmediate, not a microtask: it runs after the current round of I/O callbacks, so the
      // actions of every socket message that arrived together share one batch.
      setImmediate(() => void this.#drainQueue());
    }
    return done;
  }

  /** Resolves when everything appended before this call has been written or refused. */
  drained(): Promise<void> {
    return this.#tail;
  }

  async close(): Promise<void> {
    await this.drained();
    await this.#file.close();
  }

  async #drainQueue(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue;
      this.#queue = [];
      await this.#writeBatch(batch);
    }
    this.#running = false;
  }

  async #writeBatch(batch: Waiting[]): Promise<void> {
    const bytes = Buffer.from(batch.map((waiting) => waiting.line).join(''), 'utf8');
    const goodSize = this.#size;
    try {
      if (this.#broken !== undefined) throw this.#broken;
      await writeAll(this.#file, bytes);
      await this.#file.datasync();
      this.#size += bytes.length;
      for (const waiting of batch) waiting.resolve();
    } catch (error) {
      this.#failed = true;
      this.#log(`Could not save ${batch.length} action(s) to ${JOURNAL_FILE}: ${(error as Error).message}. They were refused.`);
      await this.#rollBack(goodSize);
      for (const waiting of batch) waiting.reject(new StorageError(SAVE_FAILED_MESSAGE, { cause: error }));
    }
  }

  /** Cuts a half-written batch off, so a later batch never follows a torn line (which would read as damage). */
  async #rollBack(goodSize: number): Promise<void> {
    if (this.#broken !== undefined) return;
    try {
      await this.#file.truncate(goodSize);
      await this.#file.datasync();
    } catch (error) {
      this.#broken = error;
      this.#log(`Could not repair ${JOURNAL_FILE} after a failed write: ${(error as Error).message}. Refusing all changes; restart the server.`);
    }
  }
}

/** Opens the journal for appending, first dropping a torn tail past `validBytes` (see readJournal). */
export async function openJournalWriter(dir: string, validBytes: number, log: (line: string) => void): Promise<JournalWriter> {
  const file = path.join(dir, JOURNAL_FILE);
  let handle: FileHandle | undefined;
  try {
    const existed = await stat(file).then(() => true, () => false);
    handle = await open(file, 'a');
    if ((await handle.stat()).size > validBytes) {
      await handle.truncate(validBytes);
      await handle.datasync();
    }
    if (!existed) await fsyncDir(dir);
    return new JournalWriter(handle, validBytes, log);
  } catch (error) {
    await handle?.close().catch(ignore);
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
}

async function writeAll(file: JournalFile, bytes: Uint8Array): Promise<void> {
  // A write may be partial (disk nearly full, signals); keep going until every byte is out.
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    if (bytesWritten === 0) throw new Error('the disk accepted no bytes');
    offset += bytesWritten;
  }
}

function ignore(): void {}
