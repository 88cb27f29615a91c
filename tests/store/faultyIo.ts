// A StoreIo over the real disk that records every call, and fails (ENOSPC, EIO) or freezes (a
// crash at that instant) the calls it is told to. Injected through openFileStore's `io` option.
import path from 'node:path';
import { nodeIo, type OpenFlags, type StoreFile, type StoreIo } from '../../server/store/io.ts';

export type Op = 'open' | 'write' | 'datasync' | 'truncate' | 'read' | 'readFile' | 'rename' | 'rm' | 'fsyncDir' | 'chmod';

export interface Fault {
  op: Op;
  /** The file's name (for a rename, the source's), e.g. 'journal.jsonl' or '.db.json.tmp'; any if left out. */
  file?: string;
  code?: 'ENOSPC' | 'EIO' | 'EPERM';
  /**
   * 'freeze': the call never settles, as if the process died right there. 'hold': the call waits
   * until `release()`, then goes ahead (not a write). `writeNow` (the journal's writes) can do
   * neither: it cannot wait.
   */
  action?: 'fail' | 'freeze' | 'hold';
  /** Let this many matching calls through first. */
  after?: number;
  /** How many matching calls to fail (default: every one until removed). */
  times?: number;
  /** Fail a matching call only with this probability (drawn from the FaultyIo's `random`). */
  chance?: number;
}

export interface Call {
  op: Op;
  file: string;
}

export class FaultyIo implements StoreIo {
  readonly calls: Call[] = [];
  readonly #random: () => number;
  #faults: (Fault & { seen: number; hits: number })[] = [];
  #onFreeze: (() => void)[] = [];
  #onHold: (() => void)[] = [];
  #holding: (() => void)[] = [];

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  /** Adds a fault; the returned function removes it. */
  inject(fault: Fault): () => void {
    const entry = { ...fault, seen: 0, hits: 0 };
    this.#faults.push(entry);
    return () => (this.#faults = this.#faults.filter((f) => f !== entry));
  }

  clear(): void {
    this.#faults = [];
  }

  /**
   * Resolves once no call has been made for `quietMs`: a snapshot in flight has finished. Copying
   * a folder file by file while a rotation renames its files would not be what any crash leaves.
   */
  async settled(quietMs = 50): Promise<void> {
    for (let seen = -1; seen !== this.calls.length; ) {
      seen = this.calls.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  /** Resolves when a call freezes. */
  frozen(): Promise<void> {
    return new Promise((resolve) => this.#onFreeze.push(resolve));
  }

  /** Resolves when a call is held. */
  held(): Promise<void> {
    return new Promise((resolve) => this.#onHold.push(resolve));
  }

  /** Lets the held calls go ahead. */
  release(): void {
    for (const resume of this.#holding.splice(0)) resume();
  }

  async open(file: string, flags: OpenFlags): Promise<StoreFile> {
    await this.#check('open', file);
    const real = await nodeIo.open(file, flags);
    return {
      write: async (buffer, offset, length) => {
        const fault = this.#match('write', file);
        if (fault !== undefined) {
          // A full disk takes part of a write before it refuses the rest.
          const taken = Math.floor(length / 2);
          if (taken > 0) await real.write(buffer, offset, taken);
          return this.#apply(fault, 'write', file);
        }
        return real.write(buffer, offset, length);
      },
      writeNow: (buffer, offset, length) => {
        const fault = this.#match('write', file);
        if (fault === undefined) return real.writeNow(buffer, offset, length);
        if (fault.action === 'freeze' || fault.action === 'hold') throw new Error(`a write on the caller's thread cannot ${fault.action}`);
        const taken = Math.floor(length / 2);
        if (taken > 0) real.writeNow(buffer, offset, taken);
        throw this.#error(fault, 'write', file);
      },
      read: async (buffer, offset, length, position) => (await this.#check('read', file), real.read(buffer, offset, length, position)),
      datasync: async () => (await this.#check('datasync', file), real.datasync()),
      truncate: async (length) => (await this.#check('truncate', file), real.truncate(length)),
      stat: () => real.stat(),
      close: () => real.close(),
    };
  }

  async readFile(file: string): Promise<Buffer> {
    await this.#check('readFile', file);
    return nodeIo.readFile(file);
  }

  /** Counted, and failed, as a 'readFile': it reads the whole file too, a piece at a time. */
  async *readChunks(file: string): AsyncIterable<Uint8Array> {
    await this.#check('readFile', file);
    yield* nodeIo.readChunks(file);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.#check('rename', from);
    return nodeIo.rename(from, to);
  }

  async rm(file: string): Promise<void> {
    await this.#check('rm', file);
    return nodeIo.rm(file);
  }

  async fsyncDir(dir: string): Promise<void> {
    await this.#check('fsyncDir', dir);
    return nodeIo.fsyncDir(dir);
  }

  readdir(dir: string): Promise<string[]> {
    return nodeIo.readdir(dir);
  }

  lstat(file: string): ReturnType<StoreIo['lstat']> {
    return nodeIo.lstat(file);
  }

  async chmod(file: string, mode: number): Promise<void> {
    await this.#check('chmod', file);
    return nodeIo.chmod(file, mode);
  }

  async #check(op: Op, file: string): Promise<void> {
    const fault = this.#match(op, file);
    if (fault?.action === 'hold') {
      const released = new Promise<void>((resume) => this.#holding.push(resume));
      for (const resolve of this.#onHold.splice(0)) resolve();
      await released;
    } else if (fault !== undefined) await this.#apply(fault, op, file);
  }

  #match(op: Op, file: string): Fault | undefined {
    this.calls.push({ op, file: path.basename(file) });
    for (const fault of this.#faults) {
      if (fault.op !== op || (fault.file !== undefined && fault.file !== path.basename(file))) continue;
      fault.seen += 1;
      if (fault.seen <= (fault.after ?? 0) || fault.hits >= (fault.times ?? Infinity)) continue;
      if (fault.chance !== undefined && this.#random() >= fault.chance) continue;
      fault.hits += 1;
      return fault;
    }
    return undefined;
  }

  #apply(fault: Fault, op: Op, file: string): Promise<never> {
    if (fault.action === 'freeze') {
      for (const resolve of this.#onFreeze.splice(0)) resolve();
      return new Promise<never>(() => {});
    }
    return Promise.reject(this.#error(fault, op, file));
  }

  #error(fault: Fault, op: Op, file: string): Error {
    const code = fault.code ?? 'EIO';
    return Object.assign(new Error(`${code}: injected, ${op} '${path.basename(file)}'`), { code, syscall: op });
  }
}
