// The zips the organiser and the booths download (a workbook, one booth's package, every booth's),
// streamed: each file is made only when the zip reaches it, so a zip of every booth never sits
// whole in memory (APPNOTE.TXT 6.3: local headers, data descriptors, the central directory).
//
// Written here rather than with yazl, which did the job before: its CRC-32 is computed in
// JavaScript (buffer-crc32), ~10 times slower than Node's own (zlib.crc32), and took ~370 ms of the
// 100,000-row workbook's 3 s budget. Deflate runs on libuv's thread pool at level 1: on the 2-core
// VM the main thread waited on it at the default level (6), for a file only ~20% smaller
// (8.1 MB against 6.6 MB at 100,000 rows), downloaded over the venue's network. Together they took
// the workbook from 2.9 s to 2.0 s (bench/store's export task, in-process).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export interface ZipEntry {
  /** The path in the zip, "/" between folders. */
  name: string;
  /** The file's bytes, made when the zip reaches it. */
  data: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** False for a file that is compressed already (a workbook): stored as it is. */
  compress?: boolean;
}

/** Past these, a zip needs the Zip64 extensions: far beyond a fair's exports, refused rather than written wrong. */
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
const TOO_LARGE = 'The export is too large for a zip file (4 GB, or 65,535 files). Export fewer booths at a time.';

const DEFLATE = 8;
const STORE = 0;
/** Bit 3: sizes and CRC follow the data; bit 11: names in UTF-8. */
const FLAGS = 0x0808;
/** 2.0: deflate, folders. Made by UNIX (3), so the external attributes carry a mode. */
const VERSION_NEEDED = 20;
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
/** A regular file, rw-rw-r--. */
const FILE_MODE = 0o100664;

interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The zip of `entries`, in their order, each with the modification time `mtime`. */
export function zipStream(entries: Iterable<ZipEntry>, mtime: Date): Readable {
  return Readable.from(zipBytes(entries, mtime), { objectMode: false });
}

async function* zipBytes(entries: Iterable<ZipEntry>, mtime: Date): AsyncGenerator<Buffer> {
  const { time, date } = dosDateTime(mtime);
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (written.length === MAX_ENTRIES) throw new Error(TOO_LARGE);
    const file: Written = { name: Buffer.from(entry.name, 'utf8'), method: entry.compress === false ? STORE : DEFLATE, crc: 0, compressedSize: 0, size: 0, offset };
    const header = localHeader(file, time, date);
    yield header;
    const counted = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of entry.data()) {
        file.crc = zlib.crc32(chunk, file.crc);
        file.size += chunk.length;
        yield chunk;
      }
    };
    const body = file.method === STORE ? counted() : deflated(counted());
    for await (const chunk of body) {
      file.compressedSize += chunk.length;
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
    const descriptor = dataDescriptor(file);
    yield descriptor;
    offset += header.length + file.compressedSize + descriptor.length;
    if (file.size > MAX_32 || offset > MAX_32) throw new Error(TOO_LARGE);
    written.push(file);
  }
  const directory = Buffer.concat(written.map((file) => centralHeader(file, time, date)));
  if (offset + directory.length > MAX_32) throw new Error(TOO_LARGE);
  yield directory;
  yield endOfDirectory(written.length, directory.length, offset);
}

/** The bytes deflated (raw, no zlib wrapper) on the thread pool, as they come. */
async function* deflated(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const deflate = zlib.createDeflateRaw({ level: zlib.constants.Z_BEST_SPEED });
  const feeding = pipeline(Readable.from(bytes, { objectMode: false }), deflate);
  try {
    for await (const chunk of deflate) yield chunk as Buffer;
    await feeding;
  } finally {
    deflate.destroy(); // the download was cut short: stop making the file
    await feeding.catch(() => undefined);
  }
}

/**
 * The fields a file's local header and its central directory entry share, from "version needed"
 * to the name's length (26 bytes), at `at`. The local header's CRC and sizes are 0: they follow the
 * data (FLAGS bit 3).
 */
function writeFileFields(header: Buffer, at: number, file: Written, time: number, date: number, withSizes: boolean): void {
  header.writeUInt16LE(VERSION_NEEDED, at);
  header.writeUInt16LE(FLAGS, at + 2);
  header.writeUInt16LE(file.method, at + 4);
  header.writeUInt16LE(time, at + 6);
  header.writeUInt16LE(date, at + 8);
  if (withSizes) {
    header.writeUInt32LE(file.crc, at + 10);
    header.writeUInt32LE(file.compressedSize, at + 14);
    header.writeUInt32LE(file.size, at + 18);
  }
  header.writeUInt16LE(file.name.length, at + 22);
}

function localHeader(file: Written, time: number, date: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  writeFileFields(header, 4, file, time, date, false);
  return Buffer.concat([header, file.name]);
}

function dataDescriptor(file: Written): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(file.crc, 4);
  descriptor.writeUInt32LE(file.compressedSize, 8);
  descriptor.writeUInt32LE(file.size, 12);
  return descriptor;
}

function centralHeader(file: Written, time: number, date: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION_MADE_BY, 4);
  writeFileFields(header, 6, file, time, date, true);
  // Extra field, comment, disk, internal attributes (30-37): none.
  header.writeUInt32LE(FILE_MODE * 0x10000, 38);
  header.writeUInt32LE(file.offset, 42);
  return Buffer.concat([header, file.name]);
}

function endOfDirectory(entries: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/** MS-DOS date and time, in the server's local time as unzip tools show them (two-second steps). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
  };
}
