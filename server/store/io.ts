// The file operations the store uses (journal, snapshot, the start's check of the folder's modes),
// in one small object so tests can make the disk fail (ENOSPC, EIO, EPERM) or freeze at any step. Production passes `nodeIo`, plain node:fs.
import { writeSync } from 'node:fs';
import { chmod, lstat, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { fsyncDir } from './dataDir.ts';

/** The part of a FileHandle the store uses. */
export interface StoreFile {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  /**
   * `write` on the caller's thread: for the journal's appends, a few hundred bytes a commit, which
   * reach the page cache in ~40 µs. Through libuv's thread pool the same write took 0.08 ms at the
   * median and over 1 ms for 0.4% of commits on a 2-core VM, waiting for its thread to be woken
   * and given a core; the fdatasync that follows stays in the pool.
   */
  writeNow(buffer: Uint8Array, offset: number, length: number): number;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

/**
 * 'r' read, 'r+' read and write (failing with ENOENT if it does not exist), 'a' append (creating),
 * 'w' replace (creating), 'wx' create (failing with EEXIST if it exists).
 */
export type OpenFlags = 'r' | 'r+' | 'a' | 'w' | 'wx';

export interface StoreIo {
  /** Files it creates are readable by their owner only: they hold personal data and secrets. */
  open(file: string, flags: OpenFlags): Promise<StoreFile>;
  readFile(file: string): Promise<Buffer>;
  /**
   * The file's bytes a piece at a time, each piece in the same buffer: use it before asking for
   * the next. A large file read whole is a buffer as large, all of it fresh memory.
   */
  readChunks(file: string): AsyncIterable<Uint8Array>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string): Promise<void>;
  /** Makes new files and renames in `dir` durable. */
  fsyncDir(dir: string): Promise<void>;
  /** The names in a folder. */
  readdir(dir: string): Promise<string[]>;
  /** What a name is, without following a symbolic link. */
  lstat(file: string): Promise<{ mode: number; isFile(): boolean; isDirectory(): boolean }>;
  chmod(file: string, mode: number): Promise<void>;
}

/** Files the store creates: read and written by their owner only. */
export const OWNER_ONLY_FILE = 0o600;

export const nodeIo: StoreIo = {
  open: async (file, flags) => {
    const handle = await open(file, flags, OWNER_ONLY_FILE);
    return Object.assign(handle, { writeNow: (buffer: Uint8Array, offset: number, length: number) => writeSync(handle.fd, buffer, offset, length) });
  },
  readFile: (file) => readFile(file),
  readChunks,
  rename: (from, to) => rename(from, to),
  rm: (file) => rm(file, { force: true }),
  fsyncDir,
  readdir: (dir) => readdir(dir),
  lstat: (file) => lstat(file),
  chmod: (file, mode) => chmod(file, mode),
};

/** Bytes per read from the disk: each read is a trip to libuv's thread pool. */
const READ_BYTES = 1 << 20;
/**
 * Bytes per piece handed on: under V8's 128 KB limit for objects in the young generation, so each
 * piece's text lives and dies there, in memory already touched.
 */
const PIECE_BYTES = 64 * 1024;

async function* readChunks(file: string): AsyncIterable<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      for (let start = 0; start < bytesRead; start += PIECE_BYTES) yield buffer.subarray(start, Math.min(start + PIECE_BYTES, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/** Writes every byte: a write may be partial (disk nearly full, signals). */
export async function writeAll(file: StoreFile, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    if (bytesWritten === 0) throw new Error('the disk accepted no bytes');
    offset += bytesWritten;
  }
}

/** `writeAll` on the caller's thread (see StoreFile.writeNow). */
export function writeAllNow(file: StoreFile, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = file.writeNow(bytes, offset, bytes.length - offset);
    if (written === 0) throw new Error('the disk accepted no bytes');
    offset += written;
  }
}

/** Characters encoded per write: 50 MB encoded at once would block the event loop ~100 ms. */
const TEXT_CHUNK_CHARS = 1 << 20;

/** Writes a long string in chunks, never splitting a surrogate pair (that would write U+FFFD). */
export async function writeText(file: StoreFile, text: string): Promise<void> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + TEXT_CHUNK_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate: keep its pair together
    await writeAll(file, Buffer.from(text.slice(start, end), 'utf8'));
    start = end;
  }
}

/** Bytes freed per step when a large file goes (see freeInSteps). */
const FREE_STEP_BYTES = 4 << 20;

/**
 * Runs `drop`, which takes the file's name away (removes it, or renames another file over it), and
 * then frees the file's blocks a step at a time instead of all at once in the call that dropped
 * the name: the file is held open meanwhile. Freeing 70 MB at once (the old db.json at 100,000
 * introductions) made the journal's fdatasyncs meanwhile wait 8–17 ms on a 2-core VM's ext4; 4 MB
 * steps kept them under 2 ms. If `drop` fails, the file still has its name and is left untouched.
 */
export async function dropInSteps(io: StoreIo, file: string, drop: () => Promise<void>): Promise<void> {
  const held = await holdForFreeing(io, file);
  try {
    await drop();
  } catch (error) {
    await held?.close().catch(() => undefined);
    throw error;
  }
  await freeInSteps(held);
}

/**
 * The file open for writing, or undefined if it cannot be opened (there is none), or on Windows,
 * whose renames refuse a target held open: then the name's removal frees it, as before.
 */
async function holdForFreeing(io: StoreIo, file: string): Promise<StoreFile | undefined> {
  if (process.platform === 'win32') return undefined;
  return io.open(file, 'r+').catch(() => undefined);
}

/** Frees a held file's blocks a step at a time, then closes it; a failed step leaves the rest to the close. */
async function freeInSteps(held: StoreFile | undefined): Promise<void> {
  if (held === undefined) return;
  try {
    for (let size = (await held.stat()).size; size > 0; ) {
      size = Math.max(0, size - FREE_STEP_BYTES);
      await held.truncate(size);
    }
  } catch {
    // The kernel frees what is left when the last handle closes.
  } finally {
    await held.close().catch(() => undefined);
  }
}

export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
