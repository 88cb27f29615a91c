// Downloads carry text that people typed. None of it may add a line to a contact card or a
// calendar file, or choose the name under which the browser saves the file.
import { afterEach, describe, expect, it } from 'vitest';
import { configureFair, createBooth as createBoothCommand, pairRep } from '../../server/domain/booths.ts';
import { allSlots } from '../../server/domain/slots.ts';
import { newId, newToken, sha256 } from '../../server/ids.ts';
import { api } from '../helpers.ts';
import { accept, commit, createBooth, introduce, pair, profile, requestAt, startHttpServer, type HttpTestServer } from '../http/support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

const now = new Date('2026-01-01T10:00:00Z');

/** The content lines of a vCard or iCalendar text, after checking that every physical line ends in CRLF. */
function contentLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

const propertyNames = (lines: string[]) => lines.map((l) => l.split(/[;:]/)[0]);
const value = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

/**
 * A fair whose every text holds a line break followed by a made-up property. Written through the
 * domain commands, not the API, so the files are proven safe whatever the input checks let through.
 */
async function hostileFair(): Promise<{ repId: string; requestId: string; slug: string }> {
  const store = server.store;
  const fair = { name: 'Fair\r\nX-EVIL:fair', date: '2026-01-01', timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 };
  await commit(store, configureFair(store.state, fair));
  const boothId = newId();
  await commit(store, createBoothCommand(store.state, {
    id: boothId, pairingCode: 'KXMPQRST', employer: 'ACME\r\nX-EVIL:org', booth: '7\nX-EVIL:booth', description: '',
    website: 'https://acme.example/\r\nX-EVIL:url', roles: [], place: 'Room 1\rX-EVIL:place',
  }, now));
  const repId = newId();
  await commit(store, pairRep(store.state, {
    code: 'KXMPQRST', name: 'Ada "the rep"\r\nX-EVIL:name', title: 'Boss\nX-EVIL:title', email: 'ada@acme.example', repId, tokenHash: sha256(newToken()),
  }, now));
  const slug = store.state.booths.get(boothId)!.slug;
  const studentId = await introduce(store, slug, profile(), now);
  const requestId = await requestAt(store, studentId, slug, 'Hi\r\nX-EVIL:note\rX-EVIL:cr', now);
  await accept(store, repId, requestId, allSlots(store.state.fair)[0]!.start, now);
  return { repId, requestId, slug };
}

describe('line breaks in what people typed', () => {
  it('stay inside their value in the rep’s vCard', async () => {
    server = await startHttpServer({ now: () => now });
    const { repId, slug } = await hostileFair();
    const res = await api(server.url, `/api/booths/${slug}/reps/${repId}.vcf`);
    expect(res.status).toBe(200);
    const lines = contentLines(await res.text());
    expect(propertyNames(lines)).toEqual(['BEGIN', 'VERSION', 'FN', 'N', 'ORG', 'TITLE', 'EMAIL', 'URL', 'NOTE', 'END']);
    expect(value(lines, 'FN')).toBe('Ada "the rep"\\nX-EVIL:name');
    expect(value(lines, 'ORG')).toBe('ACME\\nX-EVIL:org');
    expect(value(lines, 'TITLE')).toBe('Boss\\nX-EVIL:title');
    expect(value(lines, 'URL')).toBe('https://acme.example/ X-EVIL:url');
    expect(value(lines, 'NOTE')).toBe('Met at Fair\\nX-EVIL:fair\\, booth 7\\nX-EVIL:booth.');
  });

  it('stay inside their value in the interview’s .ics', async () => {
    server = await startHttpServer({ now: () => now });
    const { requestId } = await hostileFair();
    const res = await api(server.url, `/api/interviews/${requestId}.ics`);
    expect(res.status).toBe(200);
    const lines = contentLines(await res.text());
    expect(lines.filter((l) => l.startsWith('X-EVIL'))).toEqual([]);
    expect(propertyNames(lines).filter((n) => n === 'BEGIN' || n === 'END')).toEqual(['BEGIN', 'BEGIN', 'END', 'END']);
    expect(value(lines, 'NAME')).toBe('Fair X-EVIL:fair');
    expect(value(lines, 'SUMMARY')).toBe('Informational interview — ACME\\nX-EVIL:org');
    expect(value(lines, 'LOCATION')).toBe('Room 1\\nX-EVIL:place');
    expect(value(lines, 'DESCRIPTION')).toContain('Note: Hi\\nX-EVIL:note\\nX-EVIL:cr');
    // The rep's name is a quoted parameter: no quote or line break may end it early.
    const organizer = lines.filter((l) => l.startsWith('ORGANIZER'));
    expect(organizer).toEqual([`ORGANIZER;CN="Ada 'the rep' X-EVIL:name":mailto:ada@acme.example`]);
  });
});

const SAFE_NAME = /^(attachment|inline); filename="[A-Za-z0-9_-]+\.(csv|json|vcf|ics|svg|xlsx|zip)"$/;

describe('every download', () => {
  it('has a server-chosen file name, no-store and nosniff, whatever the employer and rep are called', async () => {
    server = await startHttpServer({ now: () => now });
    const booth = await createBooth(server, { employer: '../../x"; filename=evil.exe', booth: '1', place: 'Hall A' });
    const { rep, token: tabletToken } = await pair(server, booth.pairingCode, '..\\evil"; filename*=UTF-8\'\'evil.exe', 'Recruiter', 'ada@acme.example');
    const studentId = await introduce(server.store, booth.slug, profile(), now);
    const requestId = await requestAt(server.store, studentId, booth.slug, '', now);
    await accept(server.store, rep.id, requestId, allSlots(server.store.state.fair)[0]!.start, now);

    const downloads: [route: string, disposition: string, admin?: boolean][] = [
      [`/api/booths/${booth.slug}/qr.svg`, 'inline; filename="x-filename-evil-exe-qr.svg"'],
      [`/api/booths/${booth.slug}/reps/${rep.id}.vcf`, 'attachment; filename="evil-filename-UTF-8-evil-exe.vcf"'],
      [`/api/interviews/${requestId}.ics`, 'attachment; filename="interview-x-filename-evil-exe.ics"'],
      ['/api/admin/export/introductions.csv', 'attachment; filename="introductions-2026-01-01.csv"', true],
      ['/api/admin/export/fair.json', 'attachment; filename="fair-2026-01-01.json"', true],
      ['/api/admin/export/introductions.xlsx', 'attachment; filename="introductions-2026-01-01.xlsx"', true],
      [`/api/admin/export/booths/${booth.slug}.zip`, `attachment; filename="${booth.slug}-2026-01-01.zip"`, true],
      ['/api/admin/export/booths.zip', 'attachment; filename="booths-2026-01-01.zip"', true],
      ['/api/rep/package.zip', `attachment; filename="${booth.slug}-2026-01-01.zip"`],
    ];
    for (const [route, disposition, admin] of downloads) {
      const token = admin ? server.adminToken : route === '/api/rep/package.zip' ? tabletToken : undefined;
      const res = await api(server.url, route, token ? { token } : {});
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-disposition'), route).toBe(disposition);
      expect(disposition).toMatch(SAFE_NAME);
      expect(res.headers.get('cache-control'), route).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), route).toBe('nosniff');
    }
  });

  it('names a contact card after the rep in plain letters, or "contact" when none are left', async () => {
    server = await startHttpServer({ now: () => now });
    const booth = await createBooth(server, { employer: 'ACME' });
    const cases: [name: string, file: string][] = [['Zoë Ångström', 'Zoe-Angstrom.vcf'], ['李雷', 'contact.vcf'], ['"; ;', 'contact.vcf']];
    for (const [name, file] of cases) {
      const { rep } = await pair(server, booth.pairingCode, name);
      const res = await api(server.url, `/api/booths/${booth.slug}/reps/${rep.id}.vcf`);
      expect(res.headers.get('content-disposition'), name).toBe(`attachment; filename="${file}"`);
      expect(await res.text()).toContain(`FN:${name.replace(/[;,]/g, (c) => `\\${c}`)}\r\n`);
    }
  });
});
