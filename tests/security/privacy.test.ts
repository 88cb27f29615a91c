// The student's data is theirs: withdrawing one booth's access drops them from its tablets live and
// from its rows in the export; erasing leaves no file in the data folder and no export holding
// them; the organiser's purge leaves booths and counts; a booth never learns with which other
// employer a student has an interview. Real server, real files, `grep -r` style.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { profileOf } from '../../server/domain/profiles.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import type { Store } from '../../server/store/store.ts';
import type { BoothPublic } from '../../shared/protocol.ts';
import { actionId, api, ask, connectAdmin, connectRep, handshakeResult, nextEvent, waitFor, type TestServer } from '../helpers.ts';
import { makeTablet, type Tablet } from '../realtime/flaky/clients.ts';
import { SAM, SLOT_1320, stopServer } from '../realtime/fixtures.ts';
import { fileNames, grepFolder } from './grepFolder.ts';
import { journalHash } from './journal.ts';
import { exportsOf, fairOnDisk, LOU, SAMS, studentAt } from './privacyFair.ts';

let server: TestServer;
let tablets: Tablet[] = [];
afterEach(async () => {
  tablets.forEach((t) => t.close());
  tablets = [];
  await stopServer(server);
});

async function fair() {
  const made = await fairOnDisk();
  server = made.server;
  return made;
}
const student = (profile: typeof SAM, slugs: string[]) => studentAt(server, profile, slugs);
const tablet = (token: string): Tablet => {
  const made = makeTablet(server.url, 'tablet', token, () => false); // the rep client's own feed code
  tablets.push(made);
  return made;
};
const names = (t: Tablet) => [...t.visitors.values()].map((v) => v.student.name).sort();
/** A student's id (a hash of the phone's key): pseudonymous, but theirs, and in every action id they sent. */
const idOf = (store: Store, email: string): string => [...store.state.students.values()].find((s) => profileOf(s).email === email)!.id;
/** Writes the snapshot now, so that no scheduled one rotates the files while a test compares them. */
const settle = (store: Store) => store.scrub();

describe('withdrawing one booth\'s access', () => {
  it('drops the student from that booth\'s tablets live, from a tablet that was away, and from its export rows', async () => {
    const { ada, gil } = await fair();
    const acme = tablet(ada);
    const globex = tablet(gil);
    const { phone } = await student(SAM, ['acme', 'globex']);
    await student(LOU, ['acme']);
    await waitFor(() => acme.visitors.size === 2 && acme.requests.size === 2 && globex.visitors.size === 1, 3000, 'both tablets to show the students');
    const away = await connectRep(server.url, ada); // a third tablet, asleep through the withdrawal
    const before = await ask(away, 'rep:load');
    away.disconnect();

    const withdrawn = await ask(phone, 'intro:withdraw', { id: actionId(), slug: 'acme' });
    expect(withdrawn.ok && withdrawn.data.visits.map((v) => v.booth.slug)).toEqual(['globex']);
    expect(withdrawn.ok && withdrawn.data.withdrawn?.map((w) => [w.booth.slug, w.requests.map((r) => r.status)])).toEqual([['acme', ['cancelled']]]);
    await waitFor(() => names(acme).join() === LOU.name && acme.requests.size === 1, 3000, 'ACME\'s tablet to drop Sam');
    expect(JSON.stringify([...acme.requests.values()])).not.toContain(SAM.email);
    expect(names(globex)).toEqual([SAM.name]); // Globex keeps its consent

    const back = await connectRep(server.url, ada);
    const caughtUp = await ask(back, 'rep:sync', { since: before.ok ? before.data.seq : 0, epoch: before.ok ? before.data.epoch : '' });
    expect(caughtUp).toMatchObject({ ok: true, data: { full: true } });
    for (const secret of SAMS) expect(JSON.stringify(caughtUp)).not.toContain(secret);

    const rows = (await exportsOf(server))[0]!.split('\r\n').filter((row) => row.includes(SAM.email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Globex');
    // Withdrawing again changes nothing.
    expect(await ask(phone, 'intro:withdraw', { id: actionId(), slug: 'acme' })).toMatchObject({ ok: true });
  });
});

describe('one booth and another', () => {
  it('a booth that tries a time the student has booked elsewhere learns only that the student is not free then', async () => {
    const { ada, gil } = await fair();
    const { requests: [atAcme, atGlobex] } = await student(SAM, ['acme', 'globex']);
    const [acme, globex] = [await connectRep(server.url, ada), await connectRep(server.url, gil)];
    expect(await ask(globex, 'request:accept', { id: actionId(), requestId: atGlobex!, start: SLOT_1320 })).toMatchObject({ ok: true });

    for (const event of ['request:accept', 'request:propose'] as const) {
      const refused = await ask(acme, event, { id: actionId(), requestId: atAcme!, start: SLOT_1320 });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `${SAM.name} is not free at 13:20. Next free slot: 13:40.` } });
      for (const elsewhere of ['Globex', 'Gil']) expect(JSON.stringify(refused)).not.toContain(elsewhere);
    }
  });
});

describe('erasing a profile', () => {
  it('refuses without the typed confirmation, then leaves no file and no export holding the student', async () => {
    const { dir, store, ada } = await fair();
    const acme = tablet(ada);
    const sam = await student(SAM, ['acme', 'globex']);
    await student(LOU, ['acme']);
    expect(await ask(acme.socket, 'request:accept', { id: actionId(), requestId: sam.requests[0]!, start: SLOT_1320 })).toMatchObject({ ok: true });
    await waitFor(() => fs.existsSync(`${dir}/journal.prev.jsonl`), 3000, 'a snapshot to rotate the journal');
    await ask(sam.phone, 'profile:save', { ...SAM, interests: 'Rockets' }); // in the live journal too
    expect(grepFolder(dir, SAMS)).not.toEqual([]); // the control: the search finds the student before

    await settle(store);
    const untouched = journalHash(dir);
    for (const confirm of [undefined, 'erase', 'yes']) {
      const refused = await ask(sam.phone, 'student:erase', { id: actionId(), ...(confirm === undefined ? {} : { confirm }) } as never);
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    }
    expect(journalHash(dir)).toBe(untouched);

    const dayCounts = async () => (await (await api(server.url, '/api/admin/booths', { token: server.adminToken })).json()).map((b: { introductions: number }) => b.introductions);
    expect(await dayCounts()).toEqual([2, 1]);
    const samId = idOf(store, SAM.email);
    expect(grepFolder(dir, [samId])).not.toEqual([]); // the control: her id is in the files, her action ids with it
    const erased = await ask(sam.phone, 'student:erase', { id: actionId(), confirm: 'ERASE' });
    expect(erased).toEqual({ ok: true, data: { erased: true } });
    expect(grepFolder(dir, [...SAMS, samId])).toEqual([]);
    expect(await dayCounts()).toEqual([2, 1]); // counts are no personal data: the day keeps them
    expect(fileNames(dir)).toEqual(expect.arrayContaining(['db.json', 'journal.jsonl']));
    await waitFor(() => names(acme).join() === LOU.name && acme.requests.size === 1, 3000, 'ACME\'s tablet to drop Sam');
    expect(await ask(sam.phone, 'student:load')).toMatchObject({ ok: true, data: { profile: null, visits: [] } });
    for (const text of await exportsOf(server)) {
      for (const secret of SAMS) expect(text).not.toContain(secret);
      expect(text).toContain(LOU.email);
    }

    // A restart holds everyone else, and still nothing of the student.
    await stopServer(server);
    const reopened = await openFileStore(dir, { log: () => {} });
    expect([...reopened.state.students.values()].map((s) => profileOf(s).name)).toEqual([LOU.name]);
    expect([...reopened.state.booths.keys()]).toEqual(['acme', 'globex']);
    await reopened.close();
    expect(grepFolder(dir, SAMS)).toEqual([]);
  });

  it('decides a resent action again once its id is forgotten: refused, as nothing it needs is left', async () => {
    const { store } = await fair();
    const phone = (await student(SAM, [])).phone;
    const share = { id: actionId(), slug: 'acme' };
    expect(await ask(phone, 'intro:share', share)).toMatchObject({ ok: true });
    expect(await ask(phone, 'intro:share', share)).toMatchObject({ ok: true }); // a repeat, while its id is kept
    const erase = { id: actionId(), confirm: 'ERASE' } as const;
    expect(await ask(phone, 'student:erase', erase)).toMatchObject({ ok: true });
    // The phone's answer was lost, say, and it sends both again.
    expect(await ask(phone, 'intro:share', share)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ask(phone, 'student:erase', erase)).toEqual({ ok: true, data: { erased: true } });
    expect([store.state.students.size, store.state.introductions.size]).toEqual([0, 0]);
  });
});

describe('the booth\'s notes and referrals', () => {
  const NOTE = 'Strong on Kalman filters';
  const COLLEAGUE = { kind: 'contact' as const, name: 'Jo Quimby', role: 'Head of Data', email: 'jo.quimby@acme.example' };
  const WHY = 'She hires data interns';

  it('never reach another booth or the student; erasing the student removes them from every file', async () => {
    const { dir, store, ada, gil } = await fair();
    const sam = await student(SAM, ['acme', 'globex']);
    const acme = await connectRep(server.url, ada);
    const globex = await connectRep(server.url, gil);
    const loaded = await ask(acme, 'rep:load');
    const samAtAcme = loaded.ok ? loaded.data.visitors[0]!.introductionId : '';
    expect(await ask(acme, 'booth:tags', { id: actionId(), tags: ['quimby-tag'] })).toMatchObject({ ok: true });
    expect(await ask(acme, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: NOTE, rating: 4, tags: ['quimby-tag'] })).toMatchObject({ ok: true });
    expect(await ask(acme, 'visitor:refer', { id: actionId(), introductionId: samAtAcme, note: WHY, to: COLLEAGUE })).toMatchObject({ ok: true });

    const samSees = JSON.stringify(await ask(sam.phone, 'student:load'));
    expect(samSees).toContain(COLLEAGUE.email); // the referral is hers
    for (const view of [samSees, JSON.stringify(await ask(globex, 'rep:load'))]) {
      for (const booths of [NOTE, 'quimby-tag', '"rating"', '"assessment"']) expect(view).not.toContain(booths);
    }
    expect(JSON.stringify(await ask(globex, 'rep:load'))).not.toMatch(/Quimby|interns/);

    const secrets = [NOTE, COLLEAGUE.name, COLLEAGUE.email, WHY];
    await settle(store);
    expect(grepFolder(dir, secrets)).not.toEqual([]); // the control: the search finds them before
    expect(await ask(sam.phone, 'student:erase', { id: actionId(), confirm: 'ERASE' })).toEqual({ ok: true, data: { erased: true } });
    expect(grepFolder(dir, secrets)).toEqual([]);
    for (const text of await exportsOf(server)) for (const secret of secrets) expect(text).not.toContain(secret);
    const after = await ask(acme, 'rep:load');
    expect(after.ok && after.data.visitors).toEqual([]);
    expect(after.ok && after.data.tags).toEqual(['quimby-tag']); // the booth's own list is no one's personal data
  });
});

describe('the organiser\'s purge', () => {
  it('changes nothing without the exact confirmation; with it, keeps booths and counts and no file holds anyone', async () => {
    const { dir, store, ada } = await fair();
    const acme = tablet(ada);
    const sam = await student(SAM, ['acme', 'globex']);
    await student(LOU, ['acme']);
    await ask(acme.socket, 'request:accept', { id: actionId(), requestId: sam.requests[0]!, start: SLOT_1320 });
    await waitFor(() => acme.visitors.size === 2, 3000, 'the tablet to show both students');
    const admin = await connectAdmin(server.url, server.adminToken);
    const before = await ask(admin, 'stats:load');
    expect(before).toMatchObject({ ok: true, data: { students: 2, introductions: 3, requests: 3, accepted: 1 } });

    const ids = [idOf(store, SAM.email), idOf(store, LOU.email), 'rep-ada', 'rep-gil'];
    for (const id of ids) expect(grepFolder(dir, [id])).not.toEqual([]); // the control: students' and reps' ids, in their action ids too
    await settle(store);
    const untouched = journalHash(dir);
    for (const json of [{}, { confirm: 'purge personal data' }, { confirm: 'PURGE PERSONAL DATA', extra: 1 }, 'PURGE PERSONAL DATA']) {
      const refused = await api(server.url, '/api/admin/purge', { token: server.adminToken, json });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.message).toMatch(/\.$/);
    }
    expect(journalHash(dir)).toBe(untouched);
    expect(acme.visitors.size).toBe(2);

    expect(await ask(sam.phone, 'booth:get', { slug: 'acme' })).toMatchObject({ ok: true, data: { reps: [{ name: 'Ada' }] } });
    const boothSeenByPhone = nextEvent<BoothPublic>(sam.phone, 'booth:changed');
    const purged = await api(server.url, '/api/admin/purge', { token: server.adminToken, json: { confirm: 'PURGE PERSONAL DATA' } });
    expect((await boothSeenByPhone).reps).toEqual([]); // no rep on duty any more, on a page left open
    expect(purged.status).toBe(200);
    const after = await ask(admin, 'stats:load');
    // What waits and which tablets are on line are facts of now, not of the day: the purge signed the tablets out.
    expect(after.ok && after.data).toEqual(before.ok && { ...before.data, booths: before.data.booths.map((b) => ({ ...b, pending: 0, tabletsOnline: 0 })) });
    const booths = await (await api(server.url, '/api/admin/booths', { token: server.adminToken })).json();
    expect(booths.map((b: { employer: string; introductions: number; tablets: unknown[] }) => [b.employer, b.introductions, b.tablets])).toEqual([['ACME', 2, []], ['Globex', 1, []]]);
    // Who held the tablets went too: they are signed out, and pair again with the booth's code.
    await waitFor(() => !acme.socket.connected, 3000, 'the tablet to be signed out');
    expect(await handshakeResult(`${server.url}/rep`, { auth: { token: ada } })).toBe('UNAUTHORIZED');
    const everyone = [...SAMS, LOU.name, LOU.email, LOU.phone, 'Ada', 'ada@example.com', 'Gil', 'gil@example.com', 'Recruiter', ...ids];
    expect(grepFolder(dir, everyone)).toEqual([]);
    for (const text of await exportsOf(server)) for (const secret of everyone) expect(text).not.toContain(secret);
  });
});
