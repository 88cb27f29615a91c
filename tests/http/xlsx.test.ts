// introductions.xlsx read back by independent readers: read-excel-file for the cells, and the
// sheet's own XML (unzipped with fflate) for what no cell reader reports: formulas, the frozen
// header, the column widths.
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { allSlots } from '../../server/domain/slots.ts';
import { api } from '../helpers.ts';
import { accept, createBooth, introduce, pair, profile, requestAt, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

/** The columns, restated: each UTC time has a `_local` twin on the fair's clock. */
const HEADER = [
  'introduced_at', 'introduced_at_local', 'booth', 'employer', 'student_name', 'email', 'phone', 'school', 'programme',
  'graduation_year', 'link', 'interests', 'consent_fields', 'request_status', 'request_note',
  'slot_start', 'slot_start_local', 'slot_end', 'slot_end_local', 'place', 'interviewer', 'walk_up', 'notes', 'rating', 'tags',
  'interview_outcome', 'next_step', 'invited_at', 'invited_at_local', 'referred_to', 'referred_by',
];

const FORMULA_LIKE = '=HYPERLINK("http://evil.example","click")';

/** A fair in Berlin (UTC+1 in January) with one booked student whose details look like formulas. */
async function berlinFair(): Promise<{ slotStart: string }> {
  const fair = { name: 'Winter Fair', date: '2026-01-01', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 };
  expect((await api(server.url, '/api/admin/fair', { token: server.adminToken, method: 'PUT', json: fair })).status).toBe(200);
  const acme = await createBooth(server, { employer: 'ACME & Sons <Ltd>', booth: '7' });
  const { rep } = await pair(server, acme.pairingCode, 'Ada Lovelace');
  const store = server.store;
  const sam = await introduce(store, acme.slug, profile({
    phone: '+49 30 1234567', school: FORMULA_LIKE, programme: '-2+3', graduationYear: '2027', interests: 'rockets & "space"\nand <more>',
  }), new Date('2026-01-01T10:00:00Z'));
  const requestId = await requestAt(store, sam, acme.slug, '@SUM(1+1)', new Date('2026-01-01T10:30:00Z'));
  const slot = allSlots(store.state.fair)[0]!;
  await accept(store, rep.id, requestId, slot.start, new Date('2026-01-01T10:40:00Z'));
  return { slotStart: slot.start };
}

async function download(route: string): Promise<{ res: Response; bytes: Buffer }> {
  const res = await api(server.url, route, { token: server.adminToken });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('introductions.xlsx', () => {
  it('opens with typed cells: text as typed (the + kept, no formula), times as dates on the fair\'s clock, a number for the year', async () => {
    server = await startHttpServer();
    const { slotStart } = await berlinFair();
    expect(slotStart).toBe('2026-01-01T12:00:00.000Z'); // 13:00 in Berlin

    const { res, bytes } = await download('/api/admin/export/introductions.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="introductions-2026-01-01.xlsx"');
    expect(res.headers.get('cache-control')).toBe('no-store');

    const rows = await readSheet(bytes);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(2);
    const cell = Object.fromEntries(HEADER.map((name, i) => [name, rows[1]![i]]));
    expect(cell).toMatchObject({
      employer: 'ACME & Sons <Ltd>', booth: '7', student_name: 'Sam Student', email: 'sam@example.com',
      phone: '+49 30 1234567', school: FORMULA_LIKE, programme: '-2+3', graduation_year: 2027,
      interests: 'rockets & "space"\nand <more>', request_status: 'accepted', request_note: '@SUM(1+1)', interviewer: 'Ada Lovelace',
      walk_up: 'no',
    });
    // A spreadsheet date has no zone: the UTC column shows UTC, the _local one the clock in Berlin.
    expect(cell.introduced_at).toEqual(new Date('2026-01-01T10:00:00Z'));
    expect(cell.introduced_at_local).toEqual(new Date('2026-01-01T11:00:00Z'));
    expect(cell.slot_start).toEqual(new Date('2026-01-01T12:00:00Z'));
    expect(cell.slot_start_local).toEqual(new Date('2026-01-01T13:00:00Z'));
    expect(cell.slot_end_local).toEqual(new Date('2026-01-01T13:20:00Z'));
    // Empty cells stay empty.
    expect(cell.invited_at ?? null).toBeNull();
    expect(cell.notes ?? null).toBeNull();

    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[\s>]/); // no formula anywhere
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\1" width="(\d+)" customWidth="1"\/>/g)];
    expect(widths).toHaveLength(HEADER.length);
    const styles = strFromU8(unzipSync(bytes)['xl/styles.xml']!);
    expect(styles).toContain('formatCode="yyyy-mm-dd hh:mm"');
  });

  it('holds the same rows as the CSV, whose _local columns give the same clock times', async () => {
    server = await startHttpServer();
    await berlinFair();
    const acme = server.store.state.booths.values().next().value!;
    for (let i = 0; i < 5; i++) await introduce(server.store, acme.slug, profile({ name: `Student ${i}`, email: `s${i}@example.com` }), new Date(Date.UTC(2026, 0, 1, 9, i)));
    const csv = parse((await download('/api/admin/export/introductions.csv')).bytes.toString('utf8'), { bom: true, record_delimiter: '\r\n' }) as string[][];
    const xlsx = await readSheet((await download('/api/admin/export/introductions.xlsx')).bytes);
    expect(csv[0]).toEqual(HEADER);
    expect(xlsx.map((row) => row[4])).toEqual(csv.map((row) => row[4]));
    for (const [i, row] of csv.slice(1).entries()) {
      const local = xlsx[i + 1]![1] as unknown as Date;
      expect(local.toISOString().slice(0, 19).replace('T', ' ')).toBe(row[1]);
    }
    expect(csv[1]!.slice(0, 2)).toEqual(['2026-01-01T09:00:00.000Z', '2026-01-01 10:00:00']);
  });

  it('asks for the organiser token', async () => {
    server = await startHttpServer();
    const res = await api(server.url, '/api/admin/export/introductions.xlsx');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/organiser link/);
  });
});
