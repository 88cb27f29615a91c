// db.json read a line at a time (server/store/snapshotReader.ts) against JSON.parse of the whole
// text: the same value for every file JSON.parse accepts, a SyntaxError for every one it refuses,
// whatever the layout and wherever the read's pieces end. A start must never read a damaged db.json
// as a smaller fair, nor refuse one an older version or a person wrote.
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../server/store/snapshotReader.ts';
import { seeded } from '../helpers.ts';

/** The text in pieces of `size` bytes, as the disk gives it; a multi-byte character may be cut in two. */
const piecesOf = (text: string, size: number) => async function* (): AsyncIterable<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
};

async function outcome(read: () => Promise<unknown>): Promise<{ value?: unknown; refused?: string }> {
  try {
    return { value: await read() };
  } catch (error) {
    return { refused: (error as Error).name };
  }
}

async function expectAsJsonParse(text: string, pieceSizes = [1, 7, 64, 65_536]): Promise<void> {
  // The file's text as read whole: a half of a surrogate pair cut by an edit is stored as U+FFFD.
  const expected = await outcome(async () => JSON.parse(Buffer.from(text, 'utf8').toString('utf8')) as unknown);
  for (const size of pieceSizes) {
    expect(await outcome(() => parseJsonLines(piecesOf(text, size))), `${JSON.stringify(text.slice(0, 80))}… in pieces of ${size}`).toEqual(expected);
  }
}

/** As the writer lays out a large db.json: each entity and each key on a line of its own. */
const LINES = [
  '{"seq":9,"lastWipeSeq":0,"state":{"fair":{"name":"Spring Fair","windows":[{"start":"13:00"}]},"booths":[',
  '{"id":"b1","employer":"M\\u00fcller & S\\u00f6hne","roles":["Data","AI"]},',
  '{"id":"b2","employer":"Caf\u00e9 \ud83d\ude00","roles":[]}',
  '],"reps":[',
  '],"students":[',
  '{"id":"s1","profile":"3:Sam, \\"quoted\\" and a \\\\n"}',
  ']},"applied":{"keys":[',
  '"student:s1:a1",',
  '"student:s1:a2"',
  ']}}',
  '',
].join('\n');

describe('db.json read a line at a time', () => {
  it('gives what JSON.parse gives for the layout the writer writes, the layouts of older versions and of people', async () => {
    const value = JSON.parse(LINES) as unknown;
    await expectAsJsonParse(LINES);
    await expectAsJsonParse(JSON.stringify(value)); // one line, as db.json was written before
    await expectAsJsonParse(JSON.stringify(value, null, 2)); // a small fair, indented
    await expectAsJsonParse(LINES.replaceAll('\n', '\r\n')); // saved by an editor with Windows line ends
    await expectAsJsonParse(LINES.replace('"b1",', '"b1" ,  ').replace('"AI"]},', '"AI"]} , ')); // spaces around a comma
    await expectAsJsonParse(LINES.replace('],"reps":[', '],"reps":[\n{"id":"r1"}\n,{"id":"r2"}')); // a comma that starts a line
    await expectAsJsonParse(LINES.replace('"student:s1:a2"\n]', '"student:s1:a2"\n,"student:s1:a3"]')); // a list that goes on in the frame
    await expectAsJsonParse(LINES.replace('"fair":{', '"fair":{\n"nested":[\n{"x":1}\n],')); // a list the writer never writes one a line
    await expectAsJsonParse('{"state":{"booths":[\n"\\u0000not-ours:0"\n]}}'); // a value like the reader's own stand-in
  });

  it('refuses every damaged file JSON.parse refuses, with a SyntaxError', async () => {
    for (const damaged of [
      LINES.replace('"b1","employer"', '"b1",employer'), // a broken entity
      LINES.replace('"roles":["Data","AI"]},', '"roles":["Data","AI"]}'), // a missing comma between entities
      LINES.replace('"roles":[]}', '"roles":[]},'), // a comma after the last entity
      LINES.replace('"student:s1:a2"', '"student:s1:a2",'), // a comma after the last key
      LINES.replace('],"reps":[', '],"reps":['.slice(0, -1)), // a broken frame
      LINES.replace('{"id":"s1"', '{"id":"s1"}\n{"id":"s2"'), // two entities on one line's worth, no comma
      `\ufeff${LINES}`, // a byte-order mark
      '',
    ]) {
      await expectAsJsonParse(damaged);
    }
  });

  it('refuses the file cut at any byte, as a crash mid-write or a full disk would leave it, unless JSON.parse takes the cut text', async () => {
    for (let cut = 0; cut < LINES.length; cut++) await expectAsJsonParse(LINES.slice(0, cut), [5, 65_536]);
  });

  it('gives what JSON.parse gives on seeded random edits of the layout', async () => {
    const random = seeded(14);
    const edits = ['\n', ',', ' ', '[', ']', '{', '}', '"', '\r', ''];
    for (let round = 0; round < 300; round++) {
      const at = Math.floor(random() * LINES.length);
      const edit = edits[Math.floor(random() * edits.length)]!;
      const replaced = random() < 0.5 ? 1 : 0;
      await expectAsJsonParse(LINES.slice(0, at) + edit + LINES.slice(at + replaced), [3, 65_536]);
    }
  });

  it('passes the disk’s errors on, not as damage', async () => {
    const failing = async function* (): AsyncIterable<Uint8Array> {
      yield Buffer.from('{"seq":1,\n');
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    };
    await expect(parseJsonLines(failing)).rejects.toMatchObject({ code: 'EIO' });
  });
});
