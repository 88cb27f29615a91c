// Damaged data at start: a torn tail is dropped; other damage refuses the start naming the file
// (and line), changing no file; a damaged db.json is rebuilt only from the whole history.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../../server/store/fileStore.ts';
import { boothCreated, journalLine } from './events.ts';
import { digests, journalLines, quiet, readDb, tempDir } from './fixtures.ts';
import { boothIds, recordLine, recordLines, snapshotText, writeFolder, type FolderLayout } from './folders.ts';

/** Expects the start to be refused with `message`, and every file to stay byte for byte as it was. */
async function expectRefused(layout: FolderLayout, message: (dir: string) => string): Promise<void> {
  const dir = tempDir();
  writeFolder(dir, layout);
  const before = digests(dir);
  const error = await openFileStore(dir, { log: quiet }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe(message(dir));
  expect(digests(dir)).toEqual(before); // no lock left behind either, and no torn tail cut
}

const SNAPSHOT = 'db.json';
const cutInHalf = (text: string): string => text.slice(0, Math.floor(text.length / 2));
const BAD_SNAPSHOTS: [string, string, string][] = [
  ['empty', '', 'it is not valid JSON'],
  ['NUL-filled', '\0'.repeat(4096), 'it is not valid JSON'],
  ['truncated', cutInHalf(snapshotText(3)), 'it is not valid JSON'],
  ['not JSON', 'seq: 3', 'it is not valid JSON'],
  ['null', 'null', 'it is not a JSON object'],
  ['without a state', '{"seq": 3}', '"state" is not an object'],
  ['with a text seq', '{"seq": "3", "state": {}}', '"seq" is not a whole number'],
  ['missing a collection', JSON.stringify({ seq: 0, state: { fair: {}, booths: {} } }), '"state.reps" is missing'],
  ['with applied keys that lost their replies (as older files held them)', snapshotText(3).replace(/"keys": \[/, '"replies": [], "keys": ['), '"applied.keys" and "applied.replies" do not pair up'],
];

describe('file store: a damaged journal', () => {
  it('drops a torn last line (no newline) with a log line, and appends after a clean line', async () => {
    const dir = tempDir();
    const journal = path.join(dir, 'journal.jsonl');
    writeFolder(dir, { live: recordLines(1, 2) + '{"seq":3,"events":[{"ty' });

    const logs: string[] = [];
    const store = await openFileStore(dir, { log: (line) => logs.push(line) });
    expect([...store.state.booths.keys()]).toEqual(['b1', 'b2']);
    expect(logs.join('\n')).toContain(`${journal} line 3 was cut short by an interrupted write; dropping it`);
    expect(fs.readFileSync(journal, 'utf8')).toBe(recordLines(1, 2));

    await store.commit({ events: [boothCreated('b3')] });
    expect(journalLines(dir).map((line) => JSON.parse(line).seq)).toEqual([1, 2, 3]);
    await store.close();
  });

  it('drops an unparsable last line that has its newline (zeros left by a crash)', async () => {
    const dir = tempDir();
    writeFolder(dir, { live: recordLine(1) + '\0\0\0\0\n' });
    const store = await openFileStore(dir, { log: quiet });
    expect([...store.state.booths.keys()]).toEqual(['b1']);
    expect(journalLines(dir)).toEqual([recordLine(1).trimEnd()]);
    await store.close();
  });

  it('refuses a damaged middle line, naming the file and line, and changes no file', async () => {
    await expectRefused(
      { db: 0, live: recordLine(1) + '{"seq":2,"events":[{"type":"booth.cre\n' + recordLine(3) + '{"seq":4,"ev' },
      (dir) => `${path.join(dir, 'journal.jsonl')} line 2 is damaged: it is not valid JSON; restore the file from a backup, or delete that line to start without it.`,
    );
  });

  it('refuses a line that is not UTF-8, one without events, and one whose seq goes backwards', async () => {
    const file = (dir: string): string => path.join(dir, 'journal.jsonl');
    // A flipped byte that is not UTF-8 is damage, not silently read as U+FFFD (which would parse).
    const dir = tempDir();
    const flipped = Buffer.from('{"seq":2,"key":"action-?","events":[]}\n');
    flipped[flipped.indexOf('?')] = 0xff;
    fs.writeFileSync(file(dir), Buffer.concat([Buffer.from(recordLine(1)), flipped, Buffer.from(recordLine(3))]));
    const before = digests(dir);
    await expect(openFileStore(dir, { log: quiet })).rejects.toThrow(`${file(dir)} line 2 is damaged: it is not valid JSON`);
    expect(digests(dir)).toEqual(before);

    await expectRefused({ live: recordLine(1) + '{"seq":2}\n' + recordLine(3) }, (d) => `${file(d)} line 2 is damaged: its "events" is not a list; restore the file from a backup, or delete that line to start without it.`);
    await expectRefused({ live: recordLine(2) + recordLine(1) }, (d) => `${file(d)} line 2 is damaged: its seq 1 does not follow seq 2; restore the file from a backup, or delete that line to start without it.`);
  });

  it('refuses a damaged line in journal.prev.jsonl when it must be replayed, and a torn last line there too', async () => {
    const prev = (dir: string): string => path.join(dir, 'journal.prev.jsonl');
    await expectRefused(
      { db: 3, prev: recordLines(4, 5) + '{"seq":6,"ev\n' + recordLines(7, 8), live: [9, 10] },
      (dir) => `${prev(dir)} line 3 is damaged: it is not valid JSON; restore the file from a backup, or delete that line to start without it.`,
    );
    // The live segment may end torn; the one before it was closed whole, so a cut there is damage.
    await expectRefused(
      { db: 3, prev: recordLines(4, 5) + '{"seq":6,"ev', live: [7, 8] },
      (dir) => `${prev(dir)} line 3 is damaged: it is cut short; restore the file from a backup, or delete that line to start without it.`,
    );
  });

  it('refuses a journal that starts past the snapshot: the records between are missing', async () => {
    await expectRefused(
      { db: 3, live: [7, 9] },
      (dir) => `${path.join(dir, 'journal.jsonl')} starts at seq 7 but ${path.join(dir, SNAPSHOT)} ends at seq 3, so the changes in between are missing; restore journal.prev.jsonl from a backup.`,
    );
    await expectRefused(
      { db: 3, prev: [4, 5], live: [8, 9] },
      (dir) => `${path.join(dir, 'journal.jsonl')} starts at seq 8 but ${path.join(dir, 'journal.prev.jsonl')} ends at seq 5, so the changes in between are missing; restore journal.prev.jsonl from a backup.`,
    );
  });
});

describe('file store: a missing or damaged db.json', () => {
  it('replays a journal without db.json rather than start empty', async () => {
    for (const layout of [{ live: [1, 4] }, { prev: [1, 2], live: [3, 4] }] as FolderLayout[]) {
      const dir = tempDir();
      writeFolder(dir, layout);
      const store = await openFileStore(dir, { log: quiet });
      expect([...store.state.booths.keys()]).toEqual(boothIds(4));
      expect(store.applied('action-4')).toBe(true);
      await store.close();
    }
  });

  it('refuses to start empty when db.json is gone and the journal no longer starts at seq 1', async () => {
    await expectRefused(
      { prev: [5, 6], live: [7, 8] },
      (dir) => `${path.join(dir, SNAPSHOT)} is missing but ${path.join(dir, 'journal.prev.jsonl')} starts at seq 5, so the fair before it is only in a snapshot; restore db.json from a backup.`,
    );
  });

  it.each(BAD_SNAPSHOTS)('refuses a db.json that is %s when the journal was compacted, changing no file', async (_, text, problem) => {
    await expectRefused(
      { db: text, prev: [4, 6], live: [7, 8] },
      (dir) => `${path.join(dir, SNAPSHOT)} is not a readable Boothlink snapshot (${problem}) and the journal no longer holds the whole fair to rebuild it; restore db.json from a backup.`,
    );
  });

  it.each(BAD_SNAPSHOTS)('refuses a db.json that is %s with no journal at all', async (_, text, problem) => {
    await expectRefused({ db: text }, (dir) => `${path.join(dir, SNAPSHOT)} is not a readable Boothlink snapshot (${problem}) and the journal no longer holds the whole fair to rebuild it; restore db.json from a backup.`);
  });

  it.each(BAD_SNAPSHOTS)('rebuilds from the journal a db.json that is %s, while the journal holds the fair from seq 1', async (_, text, problem) => {
    const dir = tempDir();
    writeFolder(dir, { db: text, prev: [1, 3], live: recordLines(4, 5) + '{"seq":6' });
    const damaged = digests(dir)[SNAPSHOT];
    const logs: string[] = [];
    const store = await openFileStore(dir, { log: (line) => logs.push(line), snapshot: { idleMs: 60_000 } });
    expect([...store.state.booths.keys()]).toEqual(boothIds(5));
    expect(logs).toContain(
      `${path.join(dir, SNAPSHOT)} is not a readable Boothlink snapshot (${problem}); rebuilt the fair from the journal, which holds all of it, and db.json will be replaced at the next snapshot.`,
    );
    expect(digests(dir)[SNAPSHOT]).toBe(damaged); // left as it is until the next snapshot replaces it

    await store.commit({ events: [boothCreated('b6')] });
    await store.close();
    expect(readDb(dir).seq).toBe(6);
    expect(readDb(dir).state.booths.map((entity) => entity.id)).toEqual(boothIds(6));
  });

  it('takes the rebuild snapshot soon after start, without rotating away the history it was built from', async () => {
    const dir = tempDir();
    writeFolder(dir, { db: '', prev: [1, 3], live: [4, 5] });
    const store = await openFileStore(dir, { log: quiet, snapshot: { idleMs: 5 } });
    await expect.poll(() => fs.readFileSync(path.join(dir, SNAPSHOT), 'utf8').length > 0).toBe(true);
    expect(readDb(dir).seq).toBe(5);
    expect(fs.readFileSync(path.join(dir, 'journal.prev.jsonl'), 'utf8')).toBe(recordLines(1, 3)); // db.json did not yet hold it
    await store.close();
  });

  it('refuses an event of a type it does not know, naming the file, the line and the type, never what the event holds', async () => {
    // A newer version's event, or a flipped byte in a type: either way the line carries a student.
    const student = { name: 'Sam Example', email: 'sam@uni.example', phone: '+41 44 1234567' };
    await expectRefused(
      { live: recordLine(1) + journalLine(2, [{ type: 'student.nicknamed', student } as never]) },
      (dir) => `${path.join(dir, 'journal.jsonl')} line 2 is damaged: one of its events is of type "student.nicknamed", which this version of Boothlink does not know (a newer version wrote it, or a byte of it changed); restore the file from a backup, or delete that line to start without it.`,
    );
    // A known type whose fields are not what `apply` needs: the TypeError's text stays out too.
    const profileInstead = { type: 'introduction.made', introduction: null, note: Object.values(student).join(' ') };
    await expectRefused(
      { live: recordLine(1) + journalLine(2, [profileInstead as never]) },
      (dir) => `${path.join(dir, 'journal.jsonl')} line 2 is damaged: its events cannot be applied: one lacks a field this version needs, or holds a value of the wrong kind; restore the file from a backup, or delete that line to start without it.`,
    );
    // A type that does not look like one is not shown: a broken line could make any of its text the "type".
    await expectRefused(
      { live: recordLine(1) + journalLine(2, [{ type: `${student.name} <${student.email}>` } as never]) },
      (dir) => `${path.join(dir, 'journal.jsonl')} line 2 is damaged: one of its events is of type (a damaged text, not shown), which this version of Boothlink does not know (a newer version wrote it, or a byte of it changed); restore the file from a backup, or delete that line to start without it.`,
    );
  });
});
