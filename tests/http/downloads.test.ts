// Public downloads: the booth QR code, a rep's vCard, an accepted interview's .ics file.
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { allSlots } from '../../server/domain/slots.ts';
import { api } from '../helpers.ts';
import { accept, createBooth, introduce, pair, profile, requestAt, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

type ErrorJson = { error: { code: string; message: string } };

/** Content lines of a vCard or iCalendar text: every line ends in CRLF, and folds are undone. */
function contentLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const physical of text.split('\r\n')) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

const property = (lines: string[], name: string): string | undefined =>
  lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, '');

describe('qr.svg', () => {
  it('is an SVG QR code that decodes to exactly <publicUrl>/b/<slug>', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME Rockets' });
    const res = await api(server.url, `/api/booths/${booth.slug}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg/);
    const png = PNG.sync.read(new Resvg(svg, { fitTo: { mode: 'width', value: 400 }, background: 'white' }).render().asPng());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${server.url}/b/${booth.slug}`);
  });

  it('answers 404 with a sentence for an unknown booth', async () => {
    server = await startHttpServer();
    const res = await api(server.url, '/api/booths/no-such-booth/qr.svg');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorJson).error.message).toMatch(/no booth at that address/);
  });
});

describe('rep vCard', () => {
  it('is vCard 3.0 with escaped values, CRLF lines and a safe file name', async () => {
    server = await startHttpServer();
    const longFair = `Frühjahrs-Karrieremesse der Technischen Universität ${'ä'.repeat(40)}`;
    await api(server.url, '/api/admin/fair', {
      method: 'PUT', token: server.adminToken,
      json: { name: longFair, date: '2026-01-01', timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 },
    });
    const booth = await createBooth(server, { employer: 'ACME; Rockets, Inc.', booth: '12', website: 'https://acme.example/jobs' });
    const { rep } = await pair(server, booth.pairingCode, 'Ada King Lovelace, PhD', 'Head of Talent\\EMEA', 'ada@acme.example');
    const res = await api(server.url, `/api/booths/${booth.slug}/reps/${rep.id}.vcf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Ada-King-Lovelace-PhD.vcf"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = contentLines(await res.text());
    expect(lines[0]).toBe('BEGIN:VCARD');
    expect(lines[1]).toBe('VERSION:3.0');
    expect(lines.at(-1)).toBe('END:VCARD');
    expect(property(lines, 'FN')).toBe('Ada King Lovelace\\, PhD');
    expect(property(lines, 'N')).toBe('PhD;Ada King Lovelace\\,;;;');
    expect(property(lines, 'ORG')).toBe('ACME\\; Rockets\\, Inc.');
    expect(property(lines, 'TITLE')).toBe('Head of Talent\\\\EMEA');
    expect(property(lines, 'EMAIL')).toBe('ada@acme.example');
    expect(property(lines, 'URL')).toBe('https://acme.example/jobs');
    expect(property(lines, 'NOTE')).toBe(`Met at ${longFair}\\, booth 12.`);
  });

  it('answers 404 for an unknown rep, a rep of another booth or an unknown booth', async () => {
    server = await startHttpServer();
    const acme = await createBooth(server, { employer: 'ACME' });
    const beta = await createBooth(server, { employer: 'Beta' });
    const { rep } = await pair(server, acme.pairingCode);
    for (const route of [`/api/booths/${acme.slug}/reps/nobody.vcf`, `/api/booths/${beta.slug}/reps/${rep.id}.vcf`, `/api/booths/nope/reps/${rep.id}.vcf`]) {
      const res = await api(server.url, route);
      expect(res.status, route).toBe(404);
      expect(((await res.json()) as ErrorJson).error.code).toBe('NOT_FOUND');
    }
  });
});

describe('interview .ics', () => {
  it('holds the accepted slot, the place, the interviewer and the note', async () => {
    const now = new Date('2026-01-01T10:00:00Z');
    server = await startHttpServer({ now: () => now });
    const booth = await createBooth(server, { employer: 'ACME Rockets', booth: '12', place: 'Room 2, east wing' });
    const { rep } = await pair(server, booth.pairingCode, 'Ada Lovelace', 'Recruiter', 'ada@acme.example');
    const student = await introduce(server.store, booth.slug, profile(), now);
    const requestId = await requestAt(server.store, student, booth.slug, 'Internships; summer 2026', now);

    const pending = await api(server.url, `/api/interviews/${requestId}.ics`);
    expect(pending.status).toBe(404);
    expect(((await pending.json()) as ErrorJson).error.message).toMatch(/no accepted interview/);

    const slot = allSlots(server.store.state.fair)[1]!;
    await accept(server.store, rep.id, requestId, slot.start, now);
    const res = await api(server.url, `/api/interviews/${requestId}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="interview-ACME-Rockets.ics"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const lines = contentLines(await res.text());
    const basic = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(property(lines, 'DTSTART')).toBe(basic(slot.start));
    expect(property(lines, 'DTEND')).toBe(basic(slot.end));
    expect(property(lines, 'UID')).toBe(requestId);
    expect(property(lines, 'SUMMARY')).toBe('Informational interview — ACME Rockets');
    expect(property(lines, 'LOCATION')).toBe('Room 2\\, east wing');
    const description = property(lines, 'DESCRIPTION')!;
    expect(description).toContain('Ada Lovelace\\, Recruiter <ada@acme.example>');
    expect(description).toContain('Internships\\; summer 2026');
    expect(description).toContain('Career Fair');
    expect(lines.find((l) => l.startsWith('ORGANIZER'))).toMatch(/CN="?Ada Lovelace"?.*:mailto:ada@acme\.example/);
  });

  it('answers 404 for an unknown interview', async () => {
    server = await startHttpServer();
    const res = await api(server.url, '/api/interviews/AAAAAAAAAAAAAAAAAAAAAA.ics');
    expect(res.status).toBe(404);
    expect((await api(server.url, '/api/interviews/__proto__.ics')).status).toBe(404);
  });
});
