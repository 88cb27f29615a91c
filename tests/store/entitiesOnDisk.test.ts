// A large db.json's students and introductions read at first use (server/store/entitiesOnDisk.ts):
// the fair a start then holds is the one it held when they were all read at start, whatever is
// asked of it first; damage is still refused at start; and db.json is replaced only once every one
// of them has been read from it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseStudent } from '../../server/domain/privacy.ts';
import type { FairState } from '../../server/domain/types.ts';
import { DeferredEntities, entitiesOnDisk } from '../../server/store/entitiesOnDisk.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { INDENT_UP_TO_BYTES } from '../../server/store/snapshotWriter.ts';
import type { Store } from '../../server/store/store.ts';
import { EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV } from '../../shared/api.ts';
import { api, openFilesOf, startServer } from '../helpers.ts';
import { buildingRecords, changeRecord } from './fairEvents.ts';
import { copyFolder, dbState, quiet, readDb, waitFor, withProfile } from './fixtures.ts';

/** Enough students that db.json is written compact, an entity a line (past INDENT_UP_TO_BYTES). */
const STUDENTS = 6_000;

/** Every entity of every collection, read through the Map's own walk; profiles as db.json holds them. */
const everything = (state: FairState) => dbState(state, { packed: true });

/** A closed folder holding the fair, db.json compact; built once, each test gets a copy. */
let built = '';
beforeAll(async () => {
  built = fs.mkdtempSync(path.join(os.tmpdir(), 'boothlink-fair-'));
  const store = await openFileStore(built, { log: quiet });
  for (const events of buildingRecords(STUDENTS)) void store.commit({ events });
  await store.close();
  expect(fs.statSync(path.join(built, 'db.json')).size).toBeGreaterThan(INDENT_UP_TO_BYTES);
});
afterAll(() => fs.rmSync(built, { recursive: true, force: true }));

const fairFolder = async (): Promise<string> => copyFolder(built);

const openDeferred = (dir: string): Promise<Store> => openFileStore(dir, { log: quiet, deferEntitiesFromBytes: 0 });
const openEager = (dir: string): Promise<Store> => openFileStore(dir, { log: quiet });

/** What a start reads, all of it at start. */
async function eagerState(dir: string): Promise<ReturnType<typeof everything>> {
  const store = await openEager(copyFolder(dir));
  const state = everything(store.state);
  await store.close();
  return state;
}

describe('db.json read at first use', () => {
  it('leaves the students and introductions on disk at start, and gives each one as read at start when asked', async () => {
    const dir = await fairFolder();
    const expected = await eagerState(dir);
    const store = await openDeferred(dir);
    const { students, introductions } = store.state;
    expect(students).toBeInstanceOf(DeferredEntities);
    expect(introductions).toBeInstanceOf(DeferredEntities);
    expect(students.size).toBe(STUDENTS);
    expect(students.has('s17')).toBe(true);
    expect(withProfile(students.get('s17')!, true)).toEqual(expected.students.find((s) => s.id === 's17'));
    expect(introductions.get('b17:s17')).toEqual(expected.introductions.find((i) => i.id === 'b17:s17'));
    expect(students.get('nobody')).toBeUndefined();
    expect(everything(store.state)).toEqual(expected); // a walk reads the rest, in the order a start gives
    await store.close();
  });

  it('reads them all in turns once the server has started, then closes db.json', async () => {
    const dir = await fairFolder();
    const store = await openDeferred(dir);
    expect(entitiesOnDisk(path.join(dir, 'db.json'))).toBe(true);
    expect(openFilesOf()).toContain(path.join(dir, 'db.json'));
    store.afterStart!(); // as the server does once it listens
    await waitFor(() => !entitiesOnDisk(path.join(dir, 'db.json')), 60_000);
    expect(openFilesOf()).not.toContain(path.join(dir, 'db.json'));
    await store.close();
  });

  it('applies the journal past db.json, and changes made at once, to the entities on disk', async () => {
    const dir = await fairFolder();
    const writer = await openEager(dir);
    for (let i = 0; i < 300; i++) await writer.commit({ events: changeRecord(i, STUDENTS) });
    await writer.commit({ events: [{ type: 'student.erased', studentId: 's42', at: '2026-03-12T11:00:00.000Z' }] });
    const crashed = copyFolder(dir); // db.json as at the start, the changes in the journal
    const expected = everything(writer.state);
    await writer.close();

    const store = await openDeferred(crashed);
    expect(store.state.students.has('s42')).toBe(false);
    await store.commit({ events: [{ type: 'student.erased', studentId: 's43', at: '2026-03-12T11:00:01.000Z' }] });
    expect(store.state.students.get('s43')).toBeUndefined();
    expect(everything(store.state)).toEqual({
      ...expected,
      students: expected.students.filter((s) => s.id !== 's43'),
      introductions: expected.introductions.filter((i) => i.studentId !== 's43'),
      requests: expected.requests.filter((r) => r.studentId !== 's43'),
    });
    await store.close();
  });

  it('replaces db.json only once every entity is read from it: a snapshot begun at once waits, and holds the whole fair', async () => {
    const dir = await fairFolder();
    const expected = await eagerState(dir);
    const store = await openFileStore(dir, { log: quiet, deferEntitiesFromBytes: 0, snapshot: { everyRecords: 1 } });
    await store.commit({ events: [{ type: 'booth.statusSet', boothId: 'b1', status: 'break', repId: 'rep1', at: '2026-03-12T11:00:00.000Z' }] });
    await waitFor(() => readDb(dir).seq > 0 && readDb(dir).state.booths.find((b) => b.id === 'b1')?.status === 'break', 60_000);
    const db = readDb(dir);
    expect(db.state.students).toHaveLength(STUDENTS);
    expect(db.state.introductions).toEqual(expected.introductions);
    await store.close();
  });

  it('scrubs an erased student from the files while the others are still on disk, and keeps no old db.json open', async () => {
    const dir = await fairFolder();
    const store = await openDeferred(dir);
    const student = store.state.students.get('s4321')!;
    const erasure = eraseStudent(store.state, { studentId: 's4321' }, new Date('2026-03-12T11:00:00.000Z'));
    expect(erasure.events?.some((event) => event.type === 'introduction.withdrawn')).toBe(true);
    await store.commit({ events: erasure.events! });
    // Deciding it read the student's own lines, not everyone's: another's introduction is still a line number.
    expect(typeof Map.prototype.get.call(store.state.introductions, 'b5:s5')).toBe('number');
    await store.scrub();
    expect(entitiesOnDisk(path.join(dir, 'db.json'))).toBe(false);
    for (const name of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, name), 'utf8'), name).not.toContain(JSON.stringify(student.profile).slice(1, -1));
    expect(openFilesOf().filter((file) => file.includes(path.join(dir, 'db.json')))).toEqual([]); // not even a replaced one, '(deleted)'
    expect(store.state.students.size).toBe(STUDENTS - 1);
    await store.close();
  });

  it('gives a server started on them the same exports as one that read every line at start', async () => {
    const dir = await fairFolder();
    const now = () => new Date('2026-03-12T15:00:00.000Z'); // the fair's day: a later one would purge it (retention)
    const eager = await startServer({ store: await openEager(copyFolder(dir)), now });
    const deferred = await startServer({ store: await openDeferred(dir), now });
    try {
      expect(deferred.store.state.students).toBeInstanceOf(DeferredEntities);
      for (const route of [EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV]) {
        const [expected, got] = await Promise.all([eager, deferred].map(async (server) => (await api(server.url, route, { token: server.adminToken })).text()));
        expect(got, route).toBe(expected);
      }
      await waitFor(() => !entitiesOnDisk(path.join(dir, 'db.json')), 60_000); // read after the server listens, without being asked
    } finally {
      await Promise.all([eager.close(), deferred.close()]);
    }
  });

  it('refuses a damaged line at start, as a start that reads every line refuses it, and changes no file', async () => {
    const dir = await fairFolder();
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{"id":"s4000","profile":', '{"id":"s4000","profile":,'));
    fs.rmSync(path.join(dir, 'journal.prev.jsonl'), { force: true }); // else the start rebuilds the fair from it
    const before = fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]);
    const copy = copyFolder(dir);
    const eager = await openEager(copy).then(() => 'opened', (error: Error) => error.message.replaceAll(copy, dir));
    expect(eager).toContain(`${file} is not a readable Boothlink snapshot`);
    const deferred = await openDeferred(dir).then(() => 'opened', (error: Error) => error.message);
    expect(deferred).toBe(eager);
    expect(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')])).toEqual(before);
  });

  it('reads a line whose id is not the one at its start (edited by hand) as a start that reads every line does', async () => {
    const dir = await fairFolder();
    const file = path.join(dir, 'db.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{"id":"s5000","profile":', '{"id":"s5000","id":"s5000b","profile":'));
    const expected = await eagerState(dir);
    expect(expected.students.some((s) => s.id === 's5000b')).toBe(true);
    const store = await openDeferred(dir);
    expect(store.state.students.get('s5000b')).toBeDefined();
    expect(store.state.students.has('s5000')).toBe(false);
    expect(everything(store.state)).toEqual(expected);
    await store.close();
  });
});
