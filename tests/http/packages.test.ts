// One package per employer: unzipped with fflate and each file read by an independent parser
// (csv-parse, read-excel-file, ical.js for the .ics and the vCards). A booth's package holds only
// the students who shared with that booth, and only what each shared; a tablet gets its own booth's.
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { withdrawConsent } from '../../server/domain/privacy.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import { allSlots } from '../../server/domain/slots.ts';
import type { BoothAdmin } from '../../shared/protocol.ts';
import { api } from '../helpers.ts';
import { accept, commit, createBooth, introduce, pair, profile, requestAt, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

const at = (clock: string) => new Date(`2026-01-01T${clock}:00Z`);
const FILES = ['introductions.csv', 'introductions.xlsx', 'contacts.vcf', 'interviews.ics'];

interface Fair { acme: BoothAdmin; beta: BoothAdmin; acmeToken: string; betaToken: string; sam: string }

/**
 * Sam shares name, email and school with ACME, then adds a phone and shares with Beta too; Bo shares
 * with Beta only. ACME books Sam for the first slot.
 */
async function twoBooths(): Promise<Fair> {
  server = await startHttpServer();
  const acme = await createBooth(server, { employer: 'ACME, Inc.', booth: '1', place: 'Room B' });
  const beta = await createBooth(server, { employer: 'Beta', booth: '2' });
  const { rep, token: acmeToken } = await pair(server, acme.pairingCode, 'Ada Lovelace');
  const { token: betaToken } = await pair(server, beta.pairingCode, 'Bo Chen', 'Recruiter', 'bo@beta.example');
  const store = server.store;
  const sam = await introduce(store, acme.slug, profile({ school: 'MIT', interests: 'rockets, space & stars' }), at('10:00'));
  await commit(store, saveProfile(store.state, { studentId: sam, profile: profile({ school: 'MIT', interests: 'rockets, space & stars', phone: '+1 555 0100' }) }, at('10:10')));
  await commit(store, shareDetails(store.state, { studentId: sam, slug: beta.slug }, at('10:20')));
  await introduce(store, beta.slug, profile({ name: 'Bo Student', email: 'bo@example.com' }), at('10:05'));
  const requestId = await requestAt(store, sam, acme.slug, 'Internships?', at('10:30'));
  await accept(store, rep.id, requestId, allSlots(store.state.fair)[0]!.start, at('10:40'));
  return { acme, beta, acmeToken, betaToken, sam };
}

async function download(route: string, token = server.adminToken): Promise<{ res: Response; files: Record<string, Uint8Array> }> {
  const res = await api(server.url, route, { token });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, files: res.status === 200 ? unzipSync(bytes) : {} };
}

const csvRows = (bytes: Uint8Array) => parse(strFromU8(bytes), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

/** Each vCard as { property: value } of the names that matter here, read by ical.js. */
function vCards(bytes: Uint8Array): Record<string, string>[] {
  const text = strFromU8(bytes);
  if (text === '') return [];
  const parsed = ICAL.parse(text) as unknown[];
  // One card parses to one jCard; several to a list of them.
  const jcards = (typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[];
  return jcards.map((jcard) => {
    const card = new ICAL.Component(jcard as never);
    return Object.fromEntries(card.getAllProperties().map((p) => [p.name, String(p.getFirstValue())]));
  });
}

function events(bytes: Uint8Array): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(strFromU8(bytes)) as never);
  return calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

describe('one employer\'s package', () => {
  it('unzips to the booth\'s introductions (CSV and XLSX), its visitors\' cards and its interviews, only its own', async () => {
    const { acme } = await twoBooths();
    const { res, files } = await download(`/api/admin/export/booths/${acme.slug}.zip`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${acme.slug}-2026-01-01.zip"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(files).sort()).toEqual(FILES.map((f) => `${acme.slug}/${f}`).sort());

    const rows = csvRows(files[`${acme.slug}/introductions.csv`]!);
    expect(rows.map((r) => [r.student_name, r.employer, r.phone, r.school])).toEqual([['Sam Student', 'ACME, Inc.', '', 'MIT']]);
    expect(rows[0]).toMatchObject({ request_status: 'accepted', interviewer: 'Ada Lovelace', slot_start_local: '2026-01-01 13:00:00' });

    const sheet = await readSheet(Buffer.from(files[`${acme.slug}/introductions.xlsx`]!));
    expect(sheet).toHaveLength(2);
    expect(sheet[1]).toContain('Sam Student');

    // ACME got Sam's card without the phone Sam added after sharing with ACME.
    const cards = vCards(files[`${acme.slug}/contacts.vcf`]!);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ fn: 'Sam Student', email: 'sam@example.com', org: 'MIT' });
    expect(cards[0]!.tel).toBeUndefined();
    expect(cards[0]!.note).toContain('rockets, space & stars');

    const booked = events(files[`${acme.slug}/interviews.ics`]!);
    expect(booked).toHaveLength(1);
    expect(booked[0]!.summary).toBe('Informational interview — Sam Student');
    expect(booked[0]!.startDate.toJSDate().toISOString()).toBe('2026-01-01T13:00:00.000Z');
    expect(booked[0]!.location).toBe('Room B');
    expect(booked[0]!.description).toContain('sam@example.com');

    const everything = Object.values(files).map((f) => Buffer.from(f).toString('latin1')).join('');
    expect(everything).not.toContain('Bo Student');
    expect(everything).not.toContain('555 0100');
  });

  it('all employers: a folder each, each with only its consenting students and what each shared with it', async () => {
    const { acme, beta } = await twoBooths();
    const { res, files } = await download('/api/admin/export/booths.zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="booths-2026-01-01.zip"');
    expect(Object.keys(files).sort()).toEqual([...FILES.map((f) => `${acme.slug}/${f}`), ...FILES.map((f) => `${beta.slug}/${f}`)].sort());
    expect(csvRows(files[`${beta.slug}/introductions.csv`]!).map((r) => r.student_name)).toEqual(['Bo Student', 'Sam Student']);
    const betaCards = vCards(files[`${beta.slug}/contacts.vcf`]!);
    expect(betaCards.map((c) => [c.fn, c.tel])).toEqual([['Bo Student', undefined], ['Sam Student', '+1 555 0100']]);
    expect(events(files[`${beta.slug}/interviews.ics`]!)).toHaveLength(0);
    expect(vCards(files[`${acme.slug}/contacts.vcf`]!).map((c) => c.fn)).toEqual(['Sam Student']);
  });

  it('leaves out a student who withdrew the booth\'s access', async () => {
    const { acme, sam } = await twoBooths();
    await commit(server.store, withdrawConsent(server.store.state, { studentId: sam, slug: acme.slug }, at('11:00')));
    const { files } = await download(`/api/admin/export/booths/${acme.slug}.zip`);
    expect(csvRows(files[`${acme.slug}/introductions.csv`]!)).toEqual([]);
    expect(vCards(files[`${acme.slug}/contacts.vcf`]!)).toEqual([]);
    expect(events(files[`${acme.slug}/interviews.ics`]!)).toHaveLength(0);
  });

  it('says so for a booth that does not exist, and asks for the organiser token', async () => {
    await twoBooths();
    const missing = await api(server.url, '/api/admin/export/booths/no-such-booth.zip', { token: server.adminToken });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/no booth at that address/);
    for (const path of ['/api/admin/export/booths.zip', '/api/admin/export/booths/acme-inc.zip']) {
      expect((await api(server.url, path)).status).toBe(401);
    }
  });
});

describe('a tablet\'s own package', () => {
  it('is its own booth\'s, and a tablet\'s token opens no other booth\'s package', async () => {
    const { acme, beta, acmeToken, betaToken } = await twoBooths();
    const own = await download('/api/rep/package.zip', acmeToken);
    expect(own.res.status).toBe(200);
    expect(Object.keys(own.files).sort()).toEqual(FILES.map((f) => `${acme.slug}/${f}`).sort());
    const theirs = await download('/api/rep/package.zip', betaToken);
    expect(Object.keys(theirs.files).every((name) => name.startsWith(`${beta.slug}/`))).toBe(true);
    expect(vCards(theirs.files[`${beta.slug}/contacts.vcf`]!).map((c) => c.fn)).toEqual(['Bo Student', 'Sam Student']);
    // The organiser's addresses take no tablet token.
    for (const path of [`/api/admin/export/booths/${beta.slug}.zip`, '/api/admin/export/booths.zip']) {
      expect((await api(server.url, path, { token: acmeToken })).status).toBe(401);
    }
  });

  it('is refused without a paired tablet\'s token, and once the tablet is revoked', async () => {
    const { acme, acmeToken } = await twoBooths();
    for (const token of [undefined, 'not-a-token']) {
      const res = await api(server.url, '/api/rep/package.zip', token === undefined ? {} : { token });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Pair it again with the booth code/);
    }
    const repId = [...server.store.state.reps.values()].find((r) => r.boothId === acme.id)!.id;
    expect((await api(server.url, `/api/admin/booths/${acme.id}/reps/${repId}/revoke`, { token: server.adminToken, method: 'POST' })).status).toBe(200);
    const revoked = await api(server.url, '/api/rep/package.zip', { token: acmeToken });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { message: string } }).error.message).toMatch(/signed out/);
  });
});
