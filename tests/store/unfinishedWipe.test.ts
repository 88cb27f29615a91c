// A wipe (an erasure or a purge) that a stop cut short is finished by the next start, before it
// serves: a crash at every step of the scrub (scrub.ts) leaves a folder whose next start holds no
// file with the removed data, and keeps everything else.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FairEvent } from '../../server/domain/types.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { nodeIo, type OpenFlags, type StoreFile, type StoreIo } from '../../server/store/io.ts';
import { fileNames, grepFolder } from '../security/grepFolder.ts';
import { profileSaved } from './contract.ts';
import { boothCreated } from './events.ts';
import { FaultyIo } from './faultyIo.ts';
import { copyFolder, dbText, quiet, tempDir } from './fixtures.ts';
import { writeFolder } from './folders.ts';
import { initialState } from '../../server/domain/state.ts';
import { applyRecord } from '../../server/store/record.ts';
import { journalLine } from './events.ts';

const AT = '2026-03-12T18:00:00.000Z';
const KIM = ['kim Example', 'kim@uni.example'];
const LOU = ['lou Example', 'lou@uni.example'];
const WIPES: { name: string; event: FairEvent; gone: string[]; kept: string[] }[] = [
  { name: 'a purge', event: { type: 'fair.purged', at: AT }, gone: [...KIM, ...LOU], kept: [] },
  { name: 'an erasure', event: { type: 'student.erased', studentId: 'kim', at: AT }, gone: KIM, kept: ['lou'] },
];

/**
 * The real disk, and a copy of the folder before every file operation once `armed`: what a start
 * after a SIGKILL at that instant would find (the kernel keeps what was written, synced or not).
 */
class CopyBeforeEachStep implements StoreIo {
  readonly copies: { step: string; dir: string }[] = [];
  armed = false;

  constructor(private readonly dir: string) {}

  async open(file: string, flags: OpenFlags): Promise<StoreFile> {
    this.#copy('open', file);
    const real = await nodeIo.open(file, flags);
    return {
      ...real,
      write: (buffer, offset, length) => (this.#copy('write', file), real.write(buffer, offset, length)),
      writeNow: (buffer, offset, length) => (this.#copy('write', file), real.writeNow(buffer, offset, length)),
      read: (buffer, offset, length, position) => real.read(buffer, offset, length, position),
      datasync: () => (this.#copy('datasync', file), real.datasync()),
      truncate: (length) => (this.#copy('truncate', file), real.truncate(length)),
      stat: () => real.stat(),
      close: () => real.close(),
    };
  }

  readFile = (file: string) => nodeIo.readFile(file);
  readChunks = (file: string) => nodeIo.readChunks(file);
  rename = (from: string, to: string) => (this.#copy('rename', from), nodeIo.rename(from, to));
  rm = (file: string) => (this.#copy('rm', file), nodeIo.rm(file));
  fsyncDir = (dir: string) => (this.#copy('fsyncDir', dir), nodeIo.fsyncDir(dir));
  readdir = (dir: string) => nodeIo.readdir(dir);
  lstat = (file: string) => nodeIo.lstat(file);
  chmod = (file: string, mode: number) => nodeIo.chmod(file, mode);

  #copy(op: string, file: string): void {
    if (this.armed) this.copies.push({ step: `before ${op} ${path.basename(file)}`, dir: copyFolder(this.dir) });
  }
}

describe.each(WIPES)('file store: $name cut short by a crash', ({ event, gone, kept }) => {
  it('is finished by the next start, whichever step of its scrub the crash came before', async () => {
    const dir = tempDir();
    // db.json and journal.prev.jsonl hold the students, and so does the live journal.
    const first = await openFileStore(dir, { log: quiet });
    await first.commit({ events: [boothCreated('b1'), profileSaved('kim'), profileSaved('lou')] });
    await first.close();
    const io = new CopyBeforeEachStep(dir);
    const store = await openFileStore(dir, { io, log: quiet, snapshot: { idleMs: 60_000 } });
    await store.commit({ events: [profileSaved('kim'), profileSaved('lou')] });
    expect(fileNames(dir)).toEqual(['db.json', 'journal.jsonl', 'journal.prev.jsonl', 'lock']);

    await store.commit({ events: [event] }); // durable: from here on the wipe must happen
    io.armed = true;
    await store.scrub();
    io.armed = false;
    await store.close();
    expect(grepFolder(dir, gone)).toEqual([]);
    // The temp file's open is the moment of the report: db.json old, the journal rotated to prev.
    expect(io.copies.map((copy) => copy.step)).toContain('before open .db.json.tmp');

    const leftOnDisk = io.copies.map((copy) => grepFolder(copy.dir, gone).length > 0);
    // The control: every step but the scrub's last (the folder's sync after it removed journal.prev.jsonl) left the data.
    expect(leftOnDisk.slice(0, -1).every(Boolean)).toBe(true);
    expect(io.copies.length).toBeGreaterThan(8);
    for (const [i, { step, dir: copy }] of io.copies.entries()) {
      const logs: string[] = [];
      const restarted = await openFileStore(copy, { log: (line) => logs.push(line) });
      expect(grepFolder(copy, gone), `a start after a crash ${step}`).toEqual([]);
      const finished = logs.includes(`An erasure or purge was stopped before its data left every file in ${copy}; wiping it now, before serving.`);
      expect(finished, step).toBe(leftOnDisk[i]);
      expect([...restarted.state.students.keys()]).toEqual(kept);
      expect([...restarted.state.booths.keys()]).toEqual(['b1']);
      await restarted.commit({ events: [boothCreated('b2')] });
      await restarted.close();
      // And the start after that has nothing left to finish.
      const quietLogs: string[] = [];
      const again = await openFileStore(copy, { log: (line) => quietLogs.push(line) });
      expect([...again.state.booths.keys()]).toEqual(['b1', 'b2']);
      await again.close();
      expect(quietLogs.join('\n')).not.toContain('wiping');
    }
  });
});

describe('file store: an unfinished wipe at start', () => {
  it('is found in journal.prev.jsonl under a db.json written before db.json said where the last wipe was', async () => {
    // A crash between the scrub's rename of db.json and its removal of journal.prev.jsonl, by a
    // version whose db.json had no lastWipeSeq: db.json covers the erasure, prev still holds kim.
    const dir = tempDir();
    const lines = [[boothCreated('b1'), profileSaved('kim'), profileSaved('lou')], [{ type: 'student.erased', studentId: 'kim', at: AT }]] as FairEvent[][];
    const state = initialState();
    lines.forEach((events) => applyRecord(state, new Set(), { events }));
    const legacy = JSON.parse(dbText(2, state)) as Record<string, unknown>;
    delete legacy.lastWipeSeq;
    writeFolder(dir, { db: JSON.stringify(legacy), prev: lines.map((events, i) => journalLine(i + 1, events)).join(''), live: '' });
    expect(grepFolder(dir, KIM)).not.toEqual([]);

    const store = await openFileStore(dir, { log: quiet });
    expect(grepFolder(dir, KIM)).toEqual([]);
    expect([...store.state.students.keys()]).toEqual(['lou']);
    await store.close();
  });

  it('refuses to start when the disk will not let it finish, and finishes at the next start', async () => {
    const dir = tempDir();
    const first = await openFileStore(dir, { log: quiet });
    await first.commit({ events: [boothCreated('b1'), profileSaved('kim')] });
    await first.close();
    writeFolder(dir, { live: journalLine(2, [{ type: 'student.erased', studentId: 'kim', at: AT }]) }); // the erasure, durable, then the crash

    const io = new FaultyIo();
    io.inject({ op: 'open', file: '.db.json.tmp', code: 'ENOSPC' });
    const refused = await openFileStore(dir, { io, log: quiet }).catch((error: unknown) => error as Error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe(
      `An erasure or purge recorded in ${dir} was stopped before its data left the folder's files, and wiping it now failed: the disk is full. ` +
      'Boothlink will not serve the fair until it is wiped: free some space or check the disk, then start it again.',
    );
    expect(fileNames(dir)).not.toContain('lock');

    const store = await openFileStore(dir, { log: quiet });
    expect(grepFolder(dir, KIM)).toEqual([]);
    expect([...store.state.booths.keys()]).toEqual(['b1']);
    await store.close();
  });
});
