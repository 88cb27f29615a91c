// Store.scrub on the file store: after an erasure and a scrub no file in the data folder holds the
// erased student, and a restart still holds everyone else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FairEvent } from '../../server/domain/types.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { StorageError } from '../../server/store/store.ts';
import { fileNames, grepFolder } from '../security/grepFolder.ts';
import { profileSaved } from './contract.ts';
import { boothCreated } from './events.ts';
import { FaultyIo } from './faultyIo.ts';
import { quiet, tempDir, waitFor } from './fixtures.ts';

const KIM = ['kim Example', 'kim@uni.example'];
const erased = (studentId: string): FairEvent => ({ type: 'student.erased', studentId, at: '2026-03-12T10:00:00.000Z' });

describe('file store: scrub', () => {
  it('leaves no copy of an erased student in any file (journal, backup segment, snapshot), and a restart keeps the rest', async () => {
    const dir = tempDir();
    const store = await openFileStore(dir, { log: quiet, snapshot: { idleMs: 10 } });
    await store.commit({ events: [boothCreated('b1'), profileSaved('kim'), profileSaved('lou')] });
    // A snapshot rotates the journal: the profile is now in db.json and journal.prev.jsonl.
    await waitFor(() => fs.existsSync(path.join(dir, 'journal.prev.jsonl')) && fs.existsSync(path.join(dir, 'db.json')));
    await store.commit({ events: [profileSaved('kim')] }); // and in the live journal too
    // A stray temp file left by a snapshot a crash cut short.
    fs.writeFileSync(path.join(dir, '.db.json.tmp'), JSON.stringify({ kim: KIM }));
    expect(grepFolder(dir, KIM)).not.toEqual([]);

    await store.commit({ events: [erased('kim')] });
    await store.scrub();
    expect(fileNames(dir)).toEqual(expect.arrayContaining(['db.json', 'journal.jsonl', 'lock']));
    expect(grepFolder(dir, KIM)).toEqual([]);
    expect(grepFolder(dir, ['lou Example', 'lou@uni.example'])).toHaveLength(2); // db.json holds her

    await store.commit({ events: [boothCreated('b2')] });
    await store.close();
    const again = await openFileStore(dir, { log: quiet });
    expect([...again.state.students.keys()]).toEqual(['lou']);
    expect([...again.state.booths.keys()]).toEqual(['b1', 'b2']);
    await again.close();
    expect(grepFolder(dir, KIM)).toEqual([]);
  });

  it('lets a burst of scrubs share one snapshot, and one asked for after it began gets its own', async () => {
    const dir = tempDir();
    const io = new GatedIo();
    const store = await openFileStore(dir, { log: quiet, io, snapshot: { idleMs: 60_000 } });
    await store.commit({ events: [boothCreated('b1'), profileSaved('kim'), profileSaved('lou')] });
    const snapshots = () => io.calls.filter((call) => call.op === 'rename' && call.file === '.db.json.tmp').length;

    await store.commit({ events: [erased('kim')] });
    const burst = Array.from({ length: 20 }, () => store.scrub());
    await Promise.all(burst);
    expect(snapshots()).toBe(1);
    expect(grepFolder(dir, KIM)).toEqual([]);

    // Lou erased while a scrub is being written: hers cannot join it, it captured memory before her.
    let open!: () => void;
    io.renameGate = new Promise<void>((resolve) => (open = resolve));
    const first = store.scrub();
    await waitFor(() => io.waiting > 0); // captured, written, held before its rename
    await store.commit({ events: [erased('lou')] });
    const second = store.scrub();
    open();
    await Promise.all([first, second]);
    expect(snapshots()).toBe(3);
    expect(grepFolder(dir, ['lou Example', 'lou@uni.example'])).toEqual([]);
    await store.close();
  });

  it('also clears a backup segment that an earlier failed snapshot left uncovered', async () => {
    const dir = tempDir();
    const io = new FaultyIo();
    const store = await openFileStore(dir, { log: quiet, io, snapshot: { idleMs: 10, retryMs: 60_000 } });
    // The snapshot rotates, then cannot write db.json: journal.prev.jsonl holds records db.json does not.
    const stop = io.inject({ op: 'open', file: '.db.json.tmp', code: 'ENOSPC' });
    await store.commit({ events: [boothCreated('b1'), profileSaved('kim')] });
    await waitFor(() => fs.existsSync(path.join(dir, 'journal.prev.jsonl')));
    await io.settled();
    stop();
    expect(fs.existsSync(path.join(dir, 'db.json'))).toBe(false);
    await store.commit({ events: [profileSaved('lou'), erased('kim')] });
    await store.scrub();
    expect(grepFolder(dir, KIM)).toEqual([]);
    await store.close();
    const again = await openFileStore(dir, { log: quiet });
    expect([...again.state.students.keys()]).toEqual(['lou']);
    await again.close();
  });

  it('refuses with a StorageError when db.json cannot be written, and keeps every record', async () => {
    const dir = tempDir();
    const io = new FaultyIo();
    const store = await openFileStore(dir, { log: quiet, io });
    await store.commit({ events: [boothCreated('b1'), profileSaved('kim'), erased('kim')] });
    const stop = io.inject({ op: 'open', file: '.db.json.tmp', code: 'ENOSPC' });
    await expect(store.scrub()).rejects.toBeInstanceOf(StorageError);
    stop();
    await store.commit({ events: [boothCreated('b2')] });
    await store.close();
    const again = await openFileStore(dir, { log: quiet });
    expect([...again.state.booths.keys()]).toEqual(['b1', 'b2']);
    await again.close();
  });
});

/** Holds every rename until `renameGate` resolves, so a test can act while a snapshot is under way. */
class GatedIo extends FaultyIo {
  renameGate: Promise<void> | undefined;
  waiting = 0;

  override async rename(from: string, to: string): Promise<void> {
    this.waiting += 1;
    await this.renameGate;
    this.waiting -= 1;
    return super.rename(from, to);
  }
}
