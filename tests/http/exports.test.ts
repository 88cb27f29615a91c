// The organiser's exports: introductions.csv (Excel-safe, streamed) and fair.json (no secrets).
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { allSlots } from '../../server/domain/slots.ts';
import type { FairJson } from '../../server/http/formats/fairJson.ts';
import { api } from '../helpers.ts';
import { saveProfile, shareDetails } from '../../server/domain/students.ts';
import { setOutcome } from '../../server/domain/outcomes.ts';
import { inviteAgain } from '../../server/domain/askAgain.ts';
import { declineRequest } from '../../server/domain/requests.ts';
import { accept, commit, createBooth, introduce, pair, profile, requestAt, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

const at = (clock: string) => new Date(`2026-01-01T${clock}:00Z`);

/** Each UTC time is followed by the same time on the fair's clock (UTC here, the fair's default zone). */
const HEADER = [
  'introduced_at', 'introduced_at_local', 'booth', 'employer', 'student_name', 'email', 'phone', 'school', 'programme',
  'graduation_year', 'link', 'interests', 'consent_fields', 'request_status', 'request_note',
  'slot_start', 'slot_start_local', 'slot_end', 'slot_end_local', 'place', 'interviewer', 'walk_up', 'notes', 'rating', 'tags',
  'interview_outcome', 'next_step', 'invited_at', 'invited_at_local', 'referred_to', 'referred_by',
];
/** '2026-01-01T13:00:00.000Z' on a UTC clock: '2026-01-01 13:00:00'. */
const utcClock = (iso: string) => iso.slice(0, 19).replace('T', ' ');

async function download(route: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await api(server.url, route, { token: server.adminToken });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('introductions.csv', () => {
  it('has a BOM, CRLF rows, a header and a row per introduction, oldest first, with only shared fields', async () => {
    server = await startHttpServer();
    const acme = await createBooth(server, { employer: 'ACME, Inc.', booth: '1', place: 'Room "B"' });
    const beta = await createBooth(server, { employer: 'Beta', booth: '2' });
    const { rep } = await pair(server, acme.pairingCode, 'Ada Lovelace');
    const store = server.store;

    // Made out of time order on purpose; the export sorts by time.
    await introduce(store, beta.slug, profile({ name: 'Bo', email: 'bo@example.com' }), at('10:05'));
    const sam = await introduce(store, acme.slug, profile({ school: 'MIT', interests: 'rockets,\nand "space"' }), at('10:00'));
    // Sam adds a phone later: ACME never got consent for it, Beta does.
    await commit(store, saveProfile(store.state, { studentId: sam, profile: profile({ school: 'MIT', interests: 'rockets,\nand "space"', phone: '+1 555 0100' }) }, at('10:10')));
    await commit(store, shareDetails(store.state, { studentId: sam, slug: beta.slug }, at('10:20')));
    const requestId = await requestAt(store, sam, acme.slug, 'Internships?', at('10:30'));
    const slot = allSlots(store.state.fair)[0]!;
    await accept(store, rep.id, requestId, slot.start, at('10:40'));

    const { res, bytes } = await download('/api/admin/export/introductions.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="introductions-2026-01-01.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Split on CRLF only: a bare LF inside a quoted cell must not start a record.
    const rows = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(4);
    const records = rows.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]])));
    expect(records.map((r) => [r.student_name, r.employer])).toEqual([['Sam Student', 'ACME, Inc.'], ['Bo', 'Beta'], ['Sam Student', 'Beta']]);
    expect(records[0]).toEqual({
      introduced_at: '2026-01-01T10:00:00.000Z', introduced_at_local: '2026-01-01 10:00:00', booth: '1', employer: 'ACME, Inc.', student_name: 'Sam Student',
      email: 'sam@example.com', phone: '', school: 'MIT', programme: '', graduation_year: '', link: '',
      interests: 'rockets,\nand "space"', consent_fields: 'name email school interests', request_status: 'accepted',
      request_note: 'Internships?', slot_start: slot.start, slot_start_local: utcClock(slot.start), slot_end: slot.end, slot_end_local: utcClock(slot.end),
      place: 'Room "B"', interviewer: 'Ada Lovelace', walk_up: 'no', notes: '', rating: '', tags: '', interview_outcome: '', next_step: '',
      invited_at: '', invited_at_local: '', referred_to: '', referred_by: '',
    });
    expect(records[1]).toMatchObject({ request_status: '', slot_start: '', interviewer: '', consent_fields: 'name email' });
    // A phone number starting with + is neutralised too (Excel hides the quote).
    expect(records[2]).toMatchObject({ phone: "'+1 555 0100", consent_fields: 'name email phone school interests' });
  });

  it('carries each booth\'s own record: walk-up, notes, rating, tags, outcome, next step, invitation, referrals', async () => {
    server = await startHttpServer();
    const acme = await createBooth(server, { employer: 'ACME', booth: '1' });
    const beta = await createBooth(server, { employer: 'Beta', booth: '2' });
    const { rep: ada } = await pair(server, acme.pairingCode, 'Ada Lovelace');
    const { rep: bo } = await pair(server, beta.pairingCode, 'Bo Chen', 'Recruiter', 'bo@beta.example');
    const store = server.store;
    const sam = await introduce(store, acme.slug, profile(), at('10:00'));
    await commit(store, shareDetails(store.state, { studentId: sam, slug: beta.slug }, at('10:01')));
    const noted = (boothId: string, repId: string, notes: string, rating: 1 | 2 | 3 | 4, tags: string[]) =>
      commit(store, { events: [{ type: 'introduction.noted', boothId, studentId: sam, assessment: { notes, rating, tags, repId, at: at('10:02').toISOString() } }] });
    await noted(acme.id, ada.id, 'ACME private: strong in Rust', 4, ['graduate', 'follow up']);
    await noted(beta.id, bo.id, 'Beta private: not a fit', 1, []);
    // ACME books Sam and marks them attended; Beta declines, then invites Sam again.
    const booked = await requestAt(store, sam, acme.slug, '', at('10:03'));
    const slot = allSlots(store.state.fair)[0]!;
    await accept(store, ada.id, booked, slot.start, at('10:04'));
    await commit(store, setOutcome(store.state, store.state.reps.get(ada.id)!, { requestId: booked, outcome: 'noShow', nextStep: 'Email the job link' }, new Date(slot.start)));
    const asked = await requestAt(store, sam, beta.slug, '', at('10:05'));
    await commit(store, declineRequest(store.state, store.state.reps.get(bo.id)!, { requestId: asked, message: '' }, at('10:06')));
    await commit(store, inviteAgain(store.state, store.state.reps.get(bo.id)!, { requestId: asked }, at('10:07')));
    // ACME refers Sam to Beta (whom Sam shared with) and to a colleague not at the fair.
    const referral = (id: string, to: object) => ({ type: 'referral.made' as const, studentId: sam, referral: { id, fromBoothId: acme.id, repId: ada.id, at: at('10:08').toISOString(), note: 'ACME private: ask for Jo', ...to } });
    await commit(store, { events: [referral('f1', { toBoothId: beta.id }), referral('f2', { contact: { name: 'Jo Bloggs', role: 'Head of Data', email: 'jo@acme.example' } })] });
    // A visitor typed on ACME's tablet.
    await commit(store, { events: [
      { type: 'profile.saved', studentId: 'walk-up-1', profile: profile({ name: 'Wanda Walk', email: 'wanda@example.com' }), at: at('10:09').toISOString() },
      { type: 'introduction.made', introduction: { id: `${acme.id}:walk-up-1`, boothId: acme.id, studentId: 'walk-up-1', sharedAt: at('10:09').toISOString(), fields: ['name', 'email'], walkUp: true } },
    ] });

    const rows = parse((await download('/api/admin/export/introductions.csv')).bytes.toString('utf8'), { bom: true, record_delimiter: '\r\n' }) as string[][];
    const records = rows.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]])));
    const [atAcme, atBeta, walkUp] = records;
    expect(atAcme).toMatchObject({
      employer: 'ACME', walk_up: 'no', notes: 'ACME private: strong in Rust', rating: '4 (Strong yes)', tags: 'graduate; follow up',
      request_status: 'accepted', interview_outcome: 'no-show', next_step: 'Email the job link', invited_at: '',
      referred_to: 'Beta (booth 2); Jo Bloggs, Head of Data <jo@acme.example>', referred_by: '',
    });
    expect(atBeta).toMatchObject({
      employer: 'Beta', notes: 'Beta private: not a fit', rating: '1 (No)', tags: '', request_status: 'declined',
      interview_outcome: '', invited_at: at('10:07').toISOString(), invited_at_local: '2026-01-01 10:07:00', referred_to: '', referred_by: 'ACME',
    });
    expect(walkUp).toMatchObject({ employer: 'ACME', student_name: 'Wanda Walk', walk_up: 'yes' });
    // A booth's row never carries another booth's notes, or the referring booth's note.
    expect(Object.values(atBeta!).join(' ')).not.toMatch(/ACME private/);
    expect(Object.values(atAcme!).join(' ')).not.toMatch(/Beta private/);

    const fair = JSON.parse((await download('/api/admin/export/fair.json')).bytes.toString('utf8')) as FairJson;
    expect(fair.introductions[`${acme.id}:${sam}`]!.assessment).toMatchObject({ notes: 'ACME private: strong in Rust', rating: 4, tags: ['graduate', 'follow up'] });
    expect(fair.introductions[`${acme.id}:walk-up-1`]!.walkUp).toBe(true);
    expect(fair.requests[booked]).toMatchObject({ outcome: 'noShow', nextStep: 'Email the job link' });
    expect(fair.requests[asked]).toMatchObject({ status: 'declined', invitedAt: at('10:07').toISOString() });
    expect(fair.students[sam]!.referrals!.map((r) => r.toBoothId ?? r.contact?.name)).toEqual([beta.id, 'Jo Bloggs']);
  });

  it('neutralises formulas: = + - @ tab CR and LF at the start of a cell get a leading quote', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const payloads = ['=1+2', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\n=1', '＝1'];
    for (const [i, name] of payloads.entries()) {
      await introduce(server.store, booth.slug, profile({ name, email: `s${i}@example.com`, interests: '=HYPERLINK("http://evil")' }), at(`10:0${i}`));
    }
    const { bytes } = await download('/api/admin/export/introductions.csv');
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows.map((r) => r.student_name)).toEqual(payloads.map((p) => `'${p}`));
    expect(rows.every((r) => r.interests === `'=HYPERLINK("http://evil")`)).toBe(true);
    expect(rows.every((r) => r.introduced_at!.startsWith('2026-'))).toBe(true);
  });

  it('streams thousands of rows', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const store = server.store;
    const ROWS = 3000;
    const commits: Promise<void>[] = [];
    for (let i = 0; i < ROWS; i++) {
      const studentId = `student-${i}`;
      const when = new Date(at('09:00').getTime() + i * 1000);
      // Not awaited one by one: the store applies at once and groups the disk writes.
      commits.push(commit(store, saveProfile(store.state, { studentId, profile: profile({ name: `Student ${i}`, interests: 'x'.repeat(150) }) }, when)));
      commits.push(commit(store, shareDetails(store.state, { studentId, slug: booth.slug }, when)));
    }
    await Promise.all(commits);
    const { res, bytes } = await download('/api/admin/export/introductions.csv');
    expect(res.status).toBe(200);
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows).toHaveLength(ROWS);
    expect(rows.at(-1)!.student_name).toBe(`Student ${ROWS - 1}`);
  });

  it('needs the organiser token', async () => {
    server = await startHttpServer();
    expect((await api(server.url, '/api/admin/export/introductions.csv')).status).toBe(401);
    expect((await api(server.url, '/api/admin/export/fair.json')).status).toBe(401);
  });
});

describe('fair.json', () => {
  it('holds the whole fair but no secret: no rep token hash, no booth pairing code', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const { token } = await pair(server, booth.pairingCode);
    await introduce(server.store, booth.slug, profile(), at('10:00'));
    // A tablet paired with a PIN: 4 to 8 digits, so its hash would give it away.
    await commit(server.store, { events: [{ type: 'rep.paired', rep: {
      id: 'rep-pin', boothId: booth.id, tokenHash: 'token-hash-secret', name: 'Bo Chen', title: '', email: 'bo@acme.example', pairedAt: at('10:01').toISOString(), pinHash: 'pin-hash-secret',
    } }] });
    const { res, bytes } = await download('/api/admin/export/fair.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="fair-2026-01-01.json"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = bytes.toString('utf8');
    expect(text).not.toContain('tokenHash');
    expect(text).not.toContain(token);
    expect(text).not.toContain('pairingCode');
    expect(text).not.toContain(booth.pairingCode);
    expect(text).not.toMatch(/pinHash|pin-hash-secret|token-hash-secret/);
    const fair = JSON.parse(text) as FairJson;
    expect(Object.keys(fair).sort()).toEqual(['booths', 'fair', 'introductions', 'reps', 'requests', 'students']);
    expect(Object.values(fair.reps)).toEqual([expect.objectContaining({ name: 'Ada Lovelace', boothId: booth.id }), expect.objectContaining({ name: 'Bo Chen' })]);
    expect(Object.keys(fair.introductions)).toHaveLength(1);
    expect(server.store.state.reps.get(Object.keys(fair.reps)[0]!)?.tokenHash).toBeTruthy(); // the store itself keeps it
    expect(text).toBe(JSON.stringify(fair, null, 2)); // written piece by piece, read as one JSON.stringify would write it
  });

  it('holds thousands of students, written over many turns, and what a purge left', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const store = server.store;
    const commits: Promise<void>[] = [];
    for (let i = 0; i < 1500; i++) {
      const studentId = `student-${i}`;
      commits.push(commit(store, saveProfile(store.state, { studentId, profile: profile({ name: `Student ${i}`, interests: 'line one\nline "two"' }) }, at('09:00'))));
      if (i % 2 === 0) commits.push(commit(store, shareDetails(store.state, { studentId, slug: booth.slug }, at('09:00'))));
    }
    await Promise.all(commits);
    const text = (await download('/api/admin/export/fair.json')).bytes.toString('utf8');
    const fair = JSON.parse(text) as FairJson;
    expect(Object.keys(fair.students)).toHaveLength(1500);
    expect(Object.keys(fair.introductions)).toHaveLength(750);
    expect(fair.students['student-1499']?.profile.interests).toBe('line one\nline "two"');
    expect(text).toBe(JSON.stringify(fair, null, 2));

    await store.commit({ events: [{ type: 'fair.purged', at: at('18:00').toISOString() }] });
    const purged = (await download('/api/admin/export/fair.json')).bytes.toString('utf8');
    const after = JSON.parse(purged) as FairJson;
    expect(after.students).toEqual({});
    expect(after.purged).toEqual(expect.objectContaining({ students: 1500, introductions: 750 }));
    expect(purged).toBe(JSON.stringify(after, null, 2));
  });
});
