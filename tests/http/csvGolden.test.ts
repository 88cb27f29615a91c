// The introductions CSV, byte for byte, for a fair full of OWASP CSV-injection payloads: every
// cell a spreadsheet could read as a formula starts with ', and quoting follows RFC 4180.
// The data goes in through the domain commands (or, for the booth's notes and referrals, their
// events), not the input checks, so what is proven here is the export's own neutralising,
// whatever the store holds.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createBooth, pairRep } from '../../server/domain/booths.ts';
import { setOutcome } from '../../server/domain/outcomes.ts';
import { allSlots } from '../../server/domain/slots.ts';
import { newToken, sha256 } from '../../server/ids.ts';
import { api } from '../helpers.ts';
import { accept, commit, introduce, profile, requestAt, startHttpServer, type HttpTestServer } from './support.ts';

const GOLDEN = path.resolve('tests/http/golden/introductions.csv');
/** Set to write the golden file from the current export; the test then fails until it is read and checked by hand. */
const WRITE = process.env.BOOTHLINK_WRITE_GOLDEN === '1';

const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '=HYPERLINK("http://evil","x")',
  '\t=1',
  '\r=1',
  '\n=1',
  ' =1+2',
  '\u3000@x',
  '\uFF1D1+2',
  '"quoted, with comma"',
  'line\nbreak',
  'Zoë Ångström 李雷',
  'a=1; b=-2',
];
/** The email field only takes what the schema allows: these two start with a formula sign. */
const EMAILS: Record<string, string> = { '+1+1': '+1+1@example.com', '-2+3': '-2+3@example.com' };

let server: HttpTestServer;
afterEach(async () => server?.close());

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));

/** Booth i is run by an employer, a rep and a place named with payload i; student i shares with it and is booked. */
async function payloadFair(): Promise<void> {
  const store = server.store;
  for (const [i, payload] of PAYLOADS.entries()) {
    const boothId = `booth-${i}`;
    const pairingCode = `CODE${String(i).padStart(4, '0')}`;
    await commit(store, createBooth(store.state, {
      id: boothId, pairingCode, employer: payload, booth: payload, description: payload, website: '', roles: [payload], place: payload,
    }, at(i)));
    const repId = `rep-${i}`;
    await commit(store, pairRep(store.state, { code: pairingCode, name: payload, title: payload, email: `rep${i}@acme.example`, repId, tokenHash: sha256(newToken()) }, at(i)));
    const details = profile({
      name: payload, email: EMAILS[payload] ?? `student${i}@example.com`, phone: i % 2 ? '+49 30 1234567' : '(030) 1234567',
      school: payload, programme: payload, graduationYear: '2027', link: payload, interests: payload,
    });
    const slug = store.state.booths.get(boothId)!.slug;
    const studentId = await introduce(store, slug, details, at(i));
    const requestId = await requestAt(store, studentId, slug, payload, at(30 + i));
    const slot = allSlots(store.state.fair)[0]!;
    await accept(store, repId, requestId, slot.start, at(30 + i));
    // The booth's own record of the student, each written field a payload too.
    const by = { repId, at: at(40 + i).toISOString() };
    await commit(store, { events: [{ type: 'introduction.noted', boothId, studentId, assessment: { notes: payload, rating: (1 + (i % 4)) as 1, tags: [payload, 'intern'], ...by } }] });
    await commit(store, setOutcome(store.state, store.state.reps.get(repId)!, { requestId, outcome: i % 2 ? 'noShow' : 'attended', nextStep: payload }, new Date(slot.start)));
    await commit(store, { events: [{ type: 'referral.made', studentId, referral: { id: `ref-${i}`, fromBoothId: boothId, note: payload, contact: { name: payload, role: payload, email: `ref${i}@example.com` }, ...by } }] });
  }
  // Booth 1 sends student 0 on to booth 0, which that student shared with: booth 0's row says so.
  const student0 = [...store.state.introductions.values()].find((x) => x.boothId === 'booth-0')!.studentId;
  await commit(store, { events: [{ type: 'referral.made', studentId: student0, referral: { id: 'ref-on', fromBoothId: 'booth-1', toBoothId: 'booth-0', repId: 'rep-1', at: at(59).toISOString(), note: 'secret note of booth 1' } }] });
}

/**
 * The records of an RFC 4180 text, read strictly (csv-parse is lenient: it takes a bare LF as data
 * where Excel starts a new row). Throws on a bare CR or LF outside quotes, or a stray quote.
 */
function strictRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      for (i++; !(text[i] === '"' && text[i + 1] !== '"'); i++) {
        if (i >= text.length) throw new Error('A quoted cell is never closed.');
        cell += text[i];
        if (text[i] === '"') i++;
      }
      i++;
    } else {
      for (; i < text.length && text[i] !== ',' && text[i] !== '\r'; i++) {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`A quote or a bare LF outside quotes at ${i}: ${JSON.stringify(text.slice(i - 20, i + 5))}`);
        cell += text[i];
      }
    }
    record.push(cell);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) [i, records[records.length]] = [i + 2, record.splice(0)];
    else throw new Error(`A cell must end with a comma or CRLF at ${i}: ${JSON.stringify(text.slice(i - 20, i + 5))}`);
  }
  if (record.length > 0) throw new Error('The last record does not end with CRLF.');
  return records;
}

/** The rule, restated independently of the implementation. */
const TRIGGER = /^([=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]|\s+[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

describe('introductions.csv with OWASP CSV-injection payloads', () => {
  it('matches the golden file byte for byte', async () => {
    server = await startHttpServer();
    await payloadFair();
    const res = await api(server.url, '/api/admin/export/introductions.csv', { token: server.adminToken });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (WRITE) {
      fs.writeFileSync(GOLDEN, bytes);
      expect.fail(`Wrote ${GOLDEN}. Read every line against the rules, then run again without BOOTHLINK_WRITE_GOLDEN.`);
    }
    expect(bytes.toString('utf8')).toBe(fs.readFileSync(GOLDEN, 'utf8'));
    expect(bytes.equals(fs.readFileSync(GOLDEN))).toBe(true);
  });

  it('the golden file follows the rules: every formula start quoted, every cell otherwise as typed', () => {
    const text = fs.readFileSync(GOLDEN, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true); // Excel reads UTF-8 only after a BOM
    const rows = strictRecords(text.slice(1));
    // csv-parse (what the organiser's scripts use) reads the same cells.
    expect(parse(text, { bom: true, record_delimiter: '\r\n' })).toEqual(rows);
    expect(rows).toHaveLength(PAYLOADS.length + 1);
    const header = rows[0]!;
    for (const [i, payload] of PAYLOADS.entries()) {
      const cell = Object.fromEntries(header.map((name, c) => [name, rows[i + 1]![c]!]));
      const expected = TRIGGER.test(payload) ? `'${payload}` : payload;
      for (const column of ['booth', 'employer', 'student_name', 'school', 'programme', 'link', 'interests', 'request_note', 'place', 'interviewer', 'notes', 'next_step']) {
        expect(cell[column], `${column} of row ${i + 1}`).toBe(expected);
      }
      expect(cell.tags).toBe(`${expected}; intern`);
      expect(cell.rating).toBe(['1 (No)', '2 (Neutral)', '3 (Yes)', '4 (Strong yes)'][i % 4]);
      expect(cell.interview_outcome).toBe(i % 2 ? 'no-show' : 'attended');
      expect(cell.walk_up).toBe('no');
      const to = `${payload}, ${payload} <ref${i}@example.com>`;
      expect(cell.referred_to).toBe(TRIGGER.test(to) ? `'${to}` : to);
      // Only booth 0 was referred to, by booth 1 (employer '+1+1'); never booth 1's note.
      expect(cell.referred_by).toBe(i === 0 ? "'+1+1" : '');
      const email = EMAILS[payload] ?? `student${i}@example.com`;
      expect(cell.email).toBe(TRIGGER.test(email) ? `'${email}` : email);
      expect(cell.phone).toBe(i % 2 ? "'+49 30 1234567" : '(030) 1234567');
      expect(cell.request_status).toBe('accepted');
      // The fair is on UTC: each _local twin is its UTC time on a wall clock.
      for (const column of ['introduced_at', 'slot_start', 'slot_end', 'invited_at']) {
        expect(cell[`${column}_local`], column).toBe(cell[column]!.slice(0, 19).replace('T', ' '));
      }
    }
    expect(text).not.toContain('secret note of booth 1');
    // No cell of any row, header included, could start a formula.
    for (const row of rows) for (const value of row) expect(value).not.toMatch(TRIGGER);
  });
});
