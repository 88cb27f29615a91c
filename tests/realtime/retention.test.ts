// On the fair's retention date the server purges personal data by itself: every tablet is
// signed out and no file in the data folder holds a student's or a rep's details any more. A
// server started after that date purges at start. The clock is injected; the files are real.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { configureFair } from '../../server/domain/booths.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import type { FairInfo } from '../../shared/protocol.ts';
import { actionId, api, ask, connectRep, connectStudent, disconnectAll, startServer, studentKey, tempDir, waitFor, type TestServer } from '../helpers.ts';
import { pair } from '../http/support.ts';
import { fileNames, grepFolder } from '../security/grepFolder.ts';

const FAIR = { name: 'Spring Fair', date: '2026-04-02', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '15:00' }], slotMinutes: 20, retentionDays: 1 };
const FAIR_MORNING = new Date('2026-04-02T07:00:00Z');
/** 00:00 on 3 April in Berlin (summer time, UTC+2): the retention date's first minute. */
const RETENTION_MOMENT = new Date('2026-04-02T22:00:00Z');
const SAM = { name: 'Samira Quill', email: 'samira.quill@uni.example', phone: '+49 30 7654321', school: 'TU Berlin', programme: 'Physics', graduationYear: '2027', link: '', interests: 'Lasers' };
const REP = { name: 'Adalind Vexler', email: 'adalind.vexler@acme.example' };
const PERSONAL = [SAM.name, SAM.email, SAM.phone, REP.name, REP.email];

const dirs: string[] = [];
let servers: TestServer[] = [];
afterEach(async () => {
  disconnectAll();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fair day on a server whose clock the test holds: ACME with Adalind's tablet, Samira shared with it. */
async function fairDay(options: { dataDir: string; retentionCheckMs?: number; clock: { now: Date } }) {
  const server = await startServer({ dataDir: options.dataDir, now: () => options.clock.now, retentionCheckMs: options.retentionCheckMs });
  servers.push(server);
  const token = server.adminToken;
  expect((await api(server.url, '/api/admin/fair', { method: 'PUT', token, json: FAIR })).status).toBe(200);
  const created = await api(server.url, '/api/admin/booths', { token, json: { employer: 'ACME Rockets', booth: '12' } });
  const booth = (await created.json()) as { slug: string; pairingCode: string };
  const paired = await pair(server, booth.pairingCode, REP.name, 'Recruiter', REP.email);
  const phone = await connectStudent(server.url, studentKey());
  expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
  expect(await ask(phone, 'intro:share', { id: actionId(), slug: booth.slug })).toMatchObject({ ok: true });
  // Durable before "ok": the details are in the folder's files now.
  expect(grepFolder(options.dataDir, PERSONAL).length).toBeGreaterThan(0);
  return { server, booth, repToken: paired.token };
}

describe('the retention date', () => {
  it('purges personal data by itself when it comes: tablets signed out, the data files wiped, booths kept', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const clock = { now: FAIR_MORNING };
    const { server, repToken } = await fairDay({ dataDir, clock, retentionCheckMs: 25 });
    const info = (await (await api(server.url, '/api/admin/fair', { token: server.adminToken })).json()) as FairInfo;
    expect(info).toMatchObject({ retentionDays: 1, retentionDate: '2026-04-03', purgeAt: RETENTION_MOMENT.toISOString() });

    const tablet = await connectRep(server.url, repToken);
    let signedOut = false;
    tablet.on('disconnect', () => { signedOut = true; });

    clock.now = RETENTION_MOMENT;
    await waitFor(() => server.logs.some((l) => l.startsWith('Personal data purged')), undefined, 'the automatic purge');
    await waitFor(() => signedOut, undefined, 'the tablet to be signed out');

    expect(server.logs).toContain("Personal data purged: the fair's retention date 2026-04-03 has come.");
    expect(server.logs.join('\n')).not.toMatch(/Samira|Adalind|quill|vexler/i); // the log says when, never whom
    expect(fileNames(dataDir)).toEqual(expect.arrayContaining(['db.json', 'journal.jsonl']));
    expect(grepFolder(dataDir, PERSONAL)).toEqual([]);
    const { state } = server.store;
    expect([state.students.size, state.introductions.size, state.requests.size, state.reps.size]).toEqual([0, 0, 0, 0]);
    expect(state.booths.size).toBe(1);
    // The signed-out tablet cannot come back with its old session.
    await expect(connectRep(server.url, repToken)).rejects.toThrow();
  });

  it('purges at start when the server was off on the date', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const clock = { now: FAIR_MORNING };
    const { server } = await fairDay({ dataDir, clock });
    disconnectAll();
    await server.close();
    expect(grepFolder(dataDir, PERSONAL).length).toBeGreaterThan(0);

    const later = await startServer({ dataDir, now: () => new Date('2026-04-20T09:00:00Z') });
    servers.push(later);
    await waitFor(() => later.logs.some((l) => l.startsWith('Personal data purged')), undefined, 'the purge at start');
    expect(grepFolder(dataDir, PERSONAL)).toEqual([]);
    expect(later.store.state.booths.size).toBe(1);
  });

  it('leaves a data folder written before retention existed as it was, and keeps it 30 days', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const { retentionDays: _none, ...oldSettings } = FAIR; // what an older server wrote: no retentionDays, no wifi
    const store = await openFileStore(dataDir, { log: () => {} });
    await store.commit({ events: configureFair(store.state, oldSettings).events! });
    await store.close();

    const server = await startServer({ dataDir, now: () => FAIR_MORNING });
    servers.push(server);
    expect(server.store.state.fair).toEqual(oldSettings);
    const info = (await (await api(server.url, '/api/admin/fair', { token: server.adminToken })).json()) as FairInfo;
    expect(info).toMatchObject({ ...oldSettings, retentionDays: 30, retentionDate: '2026-05-02' });
    expect(info.wifi).toBeUndefined();
  });
});
