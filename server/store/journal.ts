// Appends to journal.jsonl with group commit: every line queued while the disk is busy goes out
// in one write and one fdatasync, so durability costs one sync per batch, not one per action.
import path from 'node:path';
import { JOURNAL_FILE, PREV_JOURNAL_FILE } from './journalReader.ts';
import { writeAllNow, type StoreFile, type StoreIo } from './io.ts';
import { SAVE_FAILED_MESSAGE, unwritableFolderMessage } from './messages.ts';
import { StorageError } from './store.ts';

export interface JournalDeps {
  io: StoreIo;
  /** The data folder, where the segments live. */
  dir: string;
  log: (line: string) => void;
  /** Called once, at the first failed write or rotation, before any refusal is delivered. */
  onFailure: (error: unknown) => void;
}

type Entry =
  | { kind: 'line'; line: string; resolve: () => void; reject: (error: unknown) => void }
  | { kind: 'checkpoint'; rotate: boolean; resolve: (rotated: boolean) => void; reject: (error: unknown) => void };

export class JournalWriter {
  readonly #deps: JournalDeps;
  #file: StoreFile;
  /** Length of the live segment known to be whole lines, all of them durable. */
  #size: number;
  #queue: Entry[] = [];
  #running = false;
  /** Settles once everything queued so far has settled. */
  #tail: Promise<unknown> = Promise.resolve();
  /** Set by the first failure; from then on everything is refused and the owner opens a new writer. */
  #failure: Error | undefined;

  constructor(file: StoreFile, size: number, deps: JournalDeps) {
    this.#file = file;
    this.#size = size;
    this.#deps = deps;
  }

  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /** Queues one line (ending in \n); resolves once it is on disk, rejects with a StorageError if not. */
  append(line: string): Promise<void> {
    return this.#enqueue<void>((resolve, reject) => ({ kind: 'line', line, resolve, reject }));
  }

  /**
   * Resolves once every line queued before it is durable. With `rotate`, the live segment holding
   * them then becomes journal.prev.jsonl (replacing the older one) and later lines go to a fresh
   * journal.jsonl; resolves true if that happened. See compaction.ts for why this order is safe.
   */
  checkpoint(rotate: boolean): Promise<boolean> {
    return this.#enqueue<boolean>((resolve, reject) => ({ kind: 'checkpoint', rotate, resolve, reject }));
  }

  /** Resolves when everything queued before this call has been written or refused. */
  drained(): Promise<unknown> {
    return this.#tail;
  }

  async close(): Promise<void> {
    await this.drained();
    await this.#file.close();
  }

  #enqueue<T>(entry: (resolve: (value: T) => void, reject: (error: unknown) => void) => Entry): Promise<T> {
    if (this.#failure !== undefined) return Promise.reject(refusal(this.#failure));
    const done = new Promise<T>((resolve, reject) => this.#queue.push(entry(resolve, reject)));
    this.#tail = done.catch(ignore);
    if (!this.#running) {
      this.#running = true;
      // setImmediate, not a microtask: it runs after the current round of I/O callbacks, so the
      // actions of every socket message that arrived together share one batch.
      setImmediate(() => void this.#drainQueue());
    }
    return done;
  }

  async #drainQueue(): Promise<void> {
    while (this.#queue.length > 0 && this.#failure === undefined) {
      const stop = this.#queue.findIndex((entry) => entry.kind === 'checkpoint');
      const batch = this.#queue.splice(0, stop === -1 ? this.#queue.length : stop + 1);
      const lines = batch.filter((entry) => entry.kind === 'line');
      try {
        if (lines.length > 0) await this.#writeLines(lines.map((entry) => entry.line).join(''));
      } catch (error) {
        this.#fail(error, batch);
        break;
      }
      for (const entry of lines) entry.resolve();
      const checkpoint = batch.at(-1);
      if (checkpoint?.kind !== 'checkpoint') continue;
      try {
        checkpoint.resolve(checkpoint.rotate && (await this.#rotate()));
      } catch (error) {
        this.#fail(error, [checkpoint]);
      }
    }
    this.#running = false;
  }

  async #writeLines(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    try {
      writeAllNow(this.#file, bytes); // to the page cache, on this thread (see StoreFile.writeNow)
      await this.#file.datasync();
      this.#size += bytes.length;
    } catch (error) {
      // Cut a half-written batch off, so the refused lines are not read back at the next start.
      await this.#file.truncate(this.#size).then(() => this.#file.datasync()).catch((repair: unknown) => {
        this.#deps.log(`Could not cut the failed write off ${JOURNAL_FILE}: ${(repair as Error).message}.`);
      });
      throw error;
    }
  }

  /** False if there was nothing to rotate or the rename failed (then nothing changed on disk). */
  async #rotate(): Promise<boolean> {
    if (this.#size === 0) return false; // keep the backup rather than replace it with nothing
    const live = path.join(this.#deps.dir, JOURNAL_FILE);
    try {
      await this.#deps.io.rename(live, path.join(this.#deps.dir, PREV_JOURNAL_FILE));
    } catch (error) {
      this.#deps.log(`Could not rotate ${live}: ${(error as Error).message}. It keeps growing until the next snapshot.`);
      return false;
    }
    // The open handle now is journal.prev.jsonl. New lines wait for the folder sync: without it a
    // power cut could drop the new file's name and every line acknowledged in it.
    const old = this.#file;
    this.#file = await this.#deps.io.open(live, 'a');
    this.#size = 0;
    await old.close().catch(ignore);
    await this.#deps.io.fsyncDir(this.#deps.dir);
    return true;
  }

  #fail(error: unknown, unsettled: Entry[]): void {
    this.#failure = error instanceof Error ? error : new Error(String(error));
    const refused = [...unsettled, ...this.#queue.splice(0)];
    const lines = refused.filter((entry) => entry.kind === 'line').length;
    this.#deps.log(`Could not save ${lines} queued change(s) to ${JOURNAL_FILE}: ${this.#failure.message}. They were refused.`);
    this.#deps.onFailure(error); // before the refusals reach anyone, so the owner stops taking commits first
    for (const entry of refused) entry.reject(refusal(error));
  }
}

/** Opens the live segment for appending, first dropping a torn tail past `validBytes` (see readSegment). */
export async function openJournalWriter(validBytes: number, deps: JournalDeps): Promise<JournalWriter> {
  const { io, dir } = deps;
  let handle: StoreFile | undefined;
  try {
    handle = await io.open(path.join(dir, JOURNAL_FILE), 'a');
    if ((await handle.stat()).size > validBytes) {
      await handle.truncate(validBytes);
      await handle.datasync();
    }
    await io.fsyncDir(dir); // the file may be new: its name must be durable before a line in it is acknowledged
    return new JournalWriter(handle, validBytes, deps);
  } catch (error) {
    await handle?.close().catch(ignore);
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
}

function refusal(cause: unknown): StorageError {
  return new StorageError(SAVE_FAILED_MESSAGE, { cause });
}

function ignore(): void {}
