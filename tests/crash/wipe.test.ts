// Issue #11's crash: a purge whose scrub is cut short by a SIGKILL, on real processes. The first
// server dies the moment the scrub's db.json temp file appears; `npm start`'s server, started on
// the same folder, must finish the wipe before it serves: counts and exports show the fair purged,
// and no file in the folder holds anyone.
import { afterEach, describe, expect, it } from 'vitest';
import { actionId, api, ask, connectStudent, disconnectAll, studentKey, tempDir } from '../helpers.ts';
import { fileNames, grepFolder } from '../security/grepFolder.ts';
import { setFairDay } from './organiser.ts';
import { CRASH_ADMIN_TOKEN, killAllServers, startServerProcess } from './serverProcess.ts';

const SAM = { name: 'Sam Example', email: 'sam@uni.example', phone: '+41 44 1234567', school: '', programme: '', graduationYear: '', link: '', interests: '' };
const ADA = { name: 'Ada Lovelace', title: 'Engineering lead', email: 'ada@acme.example' };
const EVERYONE = [SAM.name, SAM.email, SAM.phone, ADA.name, ADA.title, ADA.email];

afterEach(async () => {
  disconnectAll();
  await killAllServers();
});

describe('a purge killed mid-scrub', () => {
  it('is finished by the next start: exports show it purged and no file holds anyone', { timeout: 60_000 }, async () => {
    const dir = tempDir('boothlink-wipe-');
    const dying = await startServerProcess('tests/crash/killedMidWipe.ts', dir);
    await setFairDay(dying.url);
    const created = await api(dying.url, '/api/admin/booths', { token: CRASH_ADMIN_TOKEN, json: { employer: 'ACME' } });
    const booth = (await created.json()) as { slug: string; pairingCode: string };
    expect((await api(dying.url, '/api/rep/pair', { json: { code: booth.pairingCode, pin: '2468', ...ADA } })).status).toBe(200);
    const phone = await connectStudent(dying.url, studentKey());
    expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
    expect(await ask(phone, 'intro:share', { id: actionId(), slug: booth.slug })).toMatchObject({ ok: true });
    expect(await ask(phone, 'request:create', { id: actionId(), slug: booth.slug, note: 'Hi' })).toMatchObject({ ok: true });
    disconnectAll();

    // The purge is durable in the journal, then its scrub dies: no answer comes.
    const purge = api(dying.url, '/api/admin/purge', { token: CRASH_ADMIN_TOKEN, json: { confirm: 'PURGE PERSONAL DATA' } });
    await expect(purge).rejects.toThrow();
    expect(await dying.exited).toBeNull(); // killed by a signal, not exited
    expect(fileNames(dir)).toContain('journal.prev.jsonl');
    expect(grepFolder(dir, EVERYONE), 'the control: the folder holds everyone').not.toEqual([]);

    const server = await startServerProcess('server/main.ts', dir);
    const booths = (await (await api(server.url, '/api/admin/booths', { token: CRASH_ADMIN_TOKEN })).json()) as { introductions: number }[];
    expect(booths.map((b) => b.introductions)).toEqual([1]); // the day's count outlives the data
    const fair = (await (await api(server.url, '/api/admin/export/fair.json', { token: CRASH_ADMIN_TOKEN })).json()) as { students: object; purged?: { students: number } };
    expect(fair.students).toEqual({});
    expect(fair.purged?.students).toBe(1);
    expect(grepFolder(dir, EVERYONE)).toEqual([]);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(grepFolder(dir, EVERYONE)).toEqual([]);
  });
});
