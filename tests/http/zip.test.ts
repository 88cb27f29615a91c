// The exports' zip writer (server/http/formats/zip.ts) read back by an independent reader (fflate)
// and checked field by field against APPNOTE.TXT, with a CRC-32 computed here, bit by bit: a file
// whose CRC is wrong opens in some tools and is refused as damaged by others (Excel among them).
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipStream, type ZipEntry } from '../../server/http/formats/zip.ts';
import { waitFor } from '../helpers.ts';

/** CRC-32 (IEEE 802.3, reflected, as zip uses it), the slow, obvious way. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

async function zipOf(entries: ZipEntry[], mtime = new Date(2026, 4, 14, 13, 20, 7)): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of zipStream(entries, mtime)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface DirectoryEntry { name: string; method: number; flags: number; crc: number; compressedSize: number; size: number; offset: number; time: number; date: number }

/** The central directory, as a reader finds it from the end record. */
function directory(zip: Buffer): DirectoryEntry[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  expect(at + zip.readUInt32LE(end + 12)).toBe(end);
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      flags: zip.readUInt16LE(at + 8), method: zip.readUInt16LE(at + 10), time: zip.readUInt16LE(at + 12), date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16), compressedSize: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42), name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    // Where the directory says the file begins, its local header, with the same name.
    expect(zip.readUInt32LE(entry.offset)).toBe(0x04034b50);
    expect(zip.toString('utf8', entry.offset + 30, entry.offset + 30 + zip.readUInt16LE(entry.offset + 26))).toBe(entry.name);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('the exports’ zip', () => {
  it('holds each file whole, with its CRC, sizes, time and UTF-8 name, deflated or stored', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},Müller & Söhne,${'x'.repeat(i % 70)}\n`).join('');
    const stored = Buffer.from('PK\u0003\u0004 a workbook is a zip already');
    const zip = await zipOf([
      { name: 'müller-söhne/introductions.csv', data: async function* () { for (const line of rows.split(/(?<=\n)/)) yield Buffer.from(line); } },
      { name: 'müller-söhne/introductions.xlsx', compress: false, data: () => [stored.subarray(0, 5), stored.subarray(5)] },
      { name: 'empty.ics', data: () => [] },
    ]);

    const files = unzipSync(zip);
    expect(Buffer.from(files['müller-söhne/introductions.csv']!).toString('utf8')).toBe(rows);
    expect(Buffer.from(files['müller-söhne/introductions.xlsx']!)).toEqual(stored);
    expect(files['empty.ics']).toEqual(new Uint8Array(0));

    const [csv, xlsx, empty] = directory(zip);
    expect(csv).toMatchObject({ method: 8, crc: crc32(Buffer.from(rows)), size: Buffer.byteLength(rows) });
    expect(csv!.compressedSize).toBeLessThan(csv!.size / 5);
    expect(xlsx).toMatchObject({ method: 0, crc: crc32(stored), size: stored.length, compressedSize: stored.length });
    expect(empty).toMatchObject({ crc: 0, size: 0 });
    for (const entry of [csv!, xlsx!, empty!]) {
      expect(entry.flags & 0x0800).toBe(0x0800); // names in UTF-8
      expect(entry.date).toBe(((2026 - 1980) << 9) | (5 << 5) | 14);
      expect(entry.time).toBe((13 << 11) | (20 << 5) | 3); // two-second steps
      // The data descriptor after the data repeats the CRC and sizes.
      const descriptor = entry.offset + 30 + Buffer.byteLength(entry.name) + entry.compressedSize;
      expect([zip.readUInt32LE(descriptor), zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)])
        .toEqual([0x08074b50, entry.crc, entry.compressedSize, entry.size]);
    }
  });

  it('makes each file only when the zip reaches it', async () => {
    const made: string[] = [];
    let finishFirst = () => {};
    const firstDone = new Promise<void>((resolve) => (finishFirst = resolve));
    const first: ZipEntry = { name: 'a', data: async function* () { made.push('a'); yield Buffer.from('a'); await firstDone; } };
    const second: ZipEntry = { name: 'b', data: () => (made.push('b'), [Buffer.from('b')]) };
    const reading = zipOf([first, second]);
    await expect.poll(() => made).toEqual(['a']);
    expect(made).toEqual(['a']); // still, while the first is being made
    finishFirst();
    expect(Object.keys(unzipSync(await reading))).toEqual(['a', 'b']);
    expect(made).toEqual(['a', 'b']);
  });

  it('stops making the files when the download is cut short', async () => {
    let made = 0;
    let stopped = false;
    const endless: ZipEntry = {
      name: 'big.csv',
      data: async function* () {
        try {
          for (; made < 100_000; made++) {
            yield Buffer.from(`row ${made},${'x'.repeat(100)}\n`);
            await new Promise((resolve) => setImmediate(resolve)); // as the exports step aside
          }
        } finally {
          stopped = true;
        }
      },
    };
    let nextMade = false;
    const stream = zipStream([endless, { name: 'next.csv', data: () => ((nextMade = true), [Buffer.from('b')]) }], new Date());
    for await (const _ of stream) break; // the client goes away after the first bytes
    await waitFor(() => stopped);
    expect(made).toBeLessThan(100_000);
    expect(nextMade).toBe(false);
  });

  it('ends the download with the error when a file cannot be made, rather than a zip missing it', async () => {
    const failing: ZipEntry = { name: 'broken.csv', data: async function* () { yield Buffer.from('a,b\n'); throw new Error('the fair could not be read'); } };
    await expect(zipOf([{ name: 'fine.txt', data: () => [Buffer.from('fine')] }, failing])).rejects.toThrow('the fair could not be read');
  });
});
