// POST /api/admin/booths/import: a CSV of employers, good rows created, bad rows reported by line.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoothAdmin, ImportResult } from '../../shared/protocol.ts';
import { ACK_TIMEOUT_MS, api, ask, connectAdmin, connectStudent, disconnectAll, studentKey } from '../helpers.ts';
import { createBooth, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => {
  disconnectAll();
  await server?.close();
});

type ErrorJson = { error: { code: string; message: string } };

const importCsv = (body: string, type = 'text/csv; charset=utf-8') =>
  api(server.url, '/api/admin/booths/import', { token: server.adminToken, body, headers: { 'content-type': type } });

describe('CSV import', () => {
  it('creates the good rows and reports the bad ones with their line in the file', async () => {
    server = await startHttpServer();
    const csv = [
      '\uFEFFEmployer,Booth,Description,Website,Roles,Place', // 1 (Excel's BOM, capitalised names)
      'ACME Rockets,1,We build rockets,https://acme.example,"Engineer, Designer",Room 2', // 2
      '"Widgets, Inc.",2,"Makes widgets,', // 3 (a quoted cell with a comma and a line break…)
      'and gadgets",,Sales;Support,', // 4 (…ends here)
      ',3,No employer here,,,', // 5
      '', // 6 (blank: skipped)
      'Bad Site,4,,not-a-url,,', // 7
      'Dup Booth,1,,,,', // 8 (booth 1 is ACME's)
      'Too Many,5,,,,,extra', // 9
      'Plain Corp,,,,,', // 10
      ',,,,,', // 11 (empty cells: skipped)
      'Last Bad,"1"', // 12 (booth 1 again, no line break at the end)
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(201);
    const result = (await res.json()) as ImportResult;
    expect(result.created.map((b) => b.employer)).toEqual(['ACME Rockets', 'Widgets, Inc.', 'Plain Corp']);
    const widgets = result.created[1]!;
    expect(widgets).toMatchObject({ booth: '2', description: 'Makes widgets,\r\nand gadgets', roles: ['Sales', 'Support'] });
    expect(widgets.pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(result.created[0]).toMatchObject({ slug: 'acme-rockets', roles: ['Engineer', 'Designer'], place: 'Room 2', url: `${server.url}/b/acme-rockets` });
    expect(result.errors.map((e) => e.line)).toEqual([5, 7, 8, 9, 12]);
    expect(result.errors[0]!.message).toBe('Enter the employer name.');
    expect(result.errors[1]!.message).toMatch(/full web address/);
    expect(result.errors[2]!.message).toBe("Booth 1 is already ACME Rockets's. Pick another booth number.");
    expect(result.errors[3]!.message).toMatch(/7 cells but the header has 6/);
    expect([...server.store.state.booths.values()].map((b) => b.employer).sort()).toEqual(['ACME Rockets', 'Plain Corp', 'Widgets, Inc.']);
  });

  it('accepts only an employer column, text/plain, LF line ends and semicolons', async () => {
    server = await startHttpServer();
    const res = await importCsv('employer;booth\nAlpha;A1\nBeta;A2\n', 'text/plain');
    expect(res.status).toBe(201);
    const result = (await res.json()) as ImportResult;
    expect(result.created.map((b) => [b.employer, b.booth])).toEqual([['Alpha', 'A1'], ['Beta', 'A2']]);
    expect(result.errors).toEqual([]);
  });

  it('counts lines right past non-ASCII text, LF line breaks inside quotes and blank lines', async () => {
    server = await startHttpServer();
    const res = await importCsv('employer,booth\nCafé Crème,1\n"Zürich\nWerke AG",2\n\n\n,3\n');
    expect(res.status).toBe(201);
    const result = (await res.json()) as ImportResult;
    expect(result.created.map((b) => b.employer)).toEqual(['Café Crème', 'Zürich\nWerke AG']);
    expect(result.errors).toEqual([{ line: 7, message: 'Enter the employer name.' }]);
  });

  it('answers 200 when nothing could be created', async () => {
    server = await startHttpServer();
    const res = await importCsv('employer,booth\n,1\n');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: [], errors: [{ line: 2, message: 'Enter the employer name.' }] });
  });

  it('refuses a file without an employer header, or with unknown columns, creating nothing', async () => {
    server = await startHttpServer();
    const noHeader = await importCsv('ACME Rockets,1\nWidgets,2\n');
    expect(noHeader.status).toBe(400);
    expect(((await noHeader.json()) as ErrorJson).error).toEqual({ code: 'INVALID', message: 'The CSV needs a header row with at least the column employer.' });

    const empty = await importCsv('');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorJson).error.message).toBe('The CSV needs a header row with at least the column employer.');

    const unknown = await importCsv('employer,booth,phone,Contact Person\nACME,1,123,Ada\n');
    expect(unknown.status).toBe(400);
    const message = ((await unknown.json()) as ErrorJson).error.message;
    expect(message).toContain('"phone"');
    expect(message).toContain('"contact person"');
    expect([...server.store.state.booths.keys()]).toHaveLength(0);
  });

  it('refuses a broken quote, a non-CSV type, a file that is not UTF-8 and one over 1 MB', async () => {
    server = await startHttpServer();
    const broken = await importCsv('employer,booth\n"ACME,1\n');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as ErrorJson).error.message).toMatch(/quote/);

    const json = await api(server.url, '/api/admin/booths/import', { token: server.adminToken, json: [{ employer: 'ACME' }] });
    expect(json.status).toBe(415);

    const bytes = Buffer.from('employer\nCaf\xe9 Ltd\n', 'latin1');
    const notUtf8 = await fetch(`${server.url}/api/admin/booths/import`, {
      method: 'POST', headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' }, body: bytes,
    });
    expect(notUtf8.status).toBe(400);
    expect(((await notUtf8.json()) as ErrorJson).error.message).toMatch(/UTF-8/);

    const huge = await importCsv(`employer,description\n${`ACME,${'x'.repeat(400)}\n`.repeat(2700)}`);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorJson).error.message).toBe('The CSV file is too large: at most 1 MB. Split the file and import each part.');
    expect([...server.store.state.booths.keys()]).toHaveLength(0);
  });
});

/** The journal records (both segments: a snapshot may have rotated it) holding new booths, with how many each holds. */
function boothRecords(dataDir: string): number[] {
  const lines = ['journal.prev.jsonl', 'journal.jsonl']
    .flatMap((name) => (fs.existsSync(path.join(dataDir, name)) ? fs.readFileSync(path.join(dataDir, name), 'utf8').split('\n') : []))
    .filter((line) => line.includes('"booth.created"'));
  return lines.map((line) => (JSON.parse(line) as { events: unknown[] }).events.length);
}

describe('a big import (issue #11)', () => {
  it('refuses a file of more than 10,000 rows with a sentence, before creating anything', async () => {
    server = await startHttpServer();
    const journal = path.join(server.dataDir, 'journal.jsonl');
    const before = fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8') : '';
    const res = await importCsv(`employer\n${Array.from({ length: 10_001 }, (_, i) => `Firm ${i}`).join('\n')}\n`);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorJson).error).toEqual({
      code: 'INVALID',
      message: 'The CSV has more than 10,000 rows: Boothlink imports at most 10,000 booths at a time. Split the file and import each part.',
    });
    expect(server.store.state.booths.size).toBe(0);
    expect(fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8') : '').toBe(before);
  });

  it('creates 10,000 rows as one change: every address once, each repeated booth number refused at its line', async () => {
    server = await startHttpServer();
    const rows = Array.from({ length: 10_000 }, (_, i) => `Firmä ${i % 50},B${i}`); // 200 rows of each name
    const repeats = [1_999, 4_000, 9_999]; // lines 2,001, 4,002 and 10,002
    for (const i of repeats) rows[i] = `Repeat ${i},b${i - 1_000}`; // an earlier row's number, in lower case
    rows[5_000] = '"Two-line\nName",B5000'; // a line break inside a cell: every line after it counts one more
    const res = await importCsv(`employer,booth\n${rows.join('\n')}\n`);
    expect(res.status).toBe(201);
    const result = (await res.json()) as ImportResult;

    expect(result.errors).toEqual(repeats.map((i) => ({
      line: i + 2 + (i > 5_000 ? 1 : 0),
      message: `Booth b${i - 1_000} is already Firmä ${(i - 1_000) % 50}'s. Pick another booth number.`,
    })));
    expect(result.created).toHaveLength(9_997);
    const slugs = result.created.map((booth) => booth.slug);
    expect(new Set(slugs).size).toBe(9_997);
    expect(slugs.slice(0, 3)).toEqual(['firma-0', 'firma-1', 'firma-2']);
    expect(result.created[50]).toMatchObject({ employer: 'Firmä 0', booth: 'B50', slug: 'firma-0-2', url: `${server.url}/b/firma-0-2` });
    expect(result.created.find((b) => b.booth === 'B5000')).toMatchObject({ employer: 'Two-line\nName', slug: 'two-line-name' });
    expect(server.store.state.booths.size).toBe(9_997);
    expect(boothRecords(server.dataDir)).toEqual([9_997]); // one journal record, so one fdatasync

    // The organiser's list, built a slice at a time: every booth once, B2 before B10.
    const list = (await (await api(server.url, '/api/admin/booths', { token: server.adminToken })).json()) as BoothAdmin[];
    const numbers = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => !repeats.includes(i)).map((i) => `B${i}`);
    expect(list.map((booth) => booth.booth)).toEqual(numbers);
    expect(list[0]).toEqual(result.created[0]);
  });

  it('answers other requests and socket events while it imports 10,000 rows', async () => {
    server = await startHttpServer();
    await createBooth(server, { employer: 'ACME' });
    const student = await connectStudent(server.url, studentKey());
    const admin = await connectAdmin(server.url, server.adminToken);
    let answered: Response | undefined;
    const importing = importCsv(`employer\n${Array.from({ length: 10_000 }, () => 'Same Name').join('\n')}\n`).then((res) => (answered = res));
    let probes = 0;
    // Each probe waits as long as the helpers wait for any answer (ACK_TIMEOUT_MS): a server that
    // holds its loop for the whole import leaves them unanswered.
    do {
      const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(ACK_TIMEOUT_MS) });
      expect(health.status).toBe(200);
      expect(await ask(student, 'booth:get', { slug: 'acme' })).toMatchObject({ ok: true, data: { employer: 'ACME' } });
      expect(await ask(admin, 'stats:load')).toMatchObject({ ok: true });
      probes += 1;
    } while (answered === undefined);
    await importing;
    expect(answered.status).toBe(201);
    expect(probes).toBeGreaterThan(1); // some were answered while the import was under way
    expect(server.store.state.booths.size).toBe(10_001);
  });

  it('gives a number once when booths are added by hand during an import: to the hand-made booth or to the row', async () => {
    server = await startHttpServer();
    let answered: ImportResult | undefined;
    const importing = importCsv(`employer,booth\n${Array.from({ length: 10_000 }, (_, i) => `Firm ${i},${i}`).join('\n')}\n`)
      .then(async (res) => (answered = (await res.json()) as ImportResult));
    const byHand: { number: number; status: number; message?: string }[] = [];
    for (let k = 0; answered === undefined || k < 3; k++) {
      const number = k * 97 + 1; // one of the file's numbers, from its start to its end
      const res = await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: `Hand ${number}`, booth: String(number) } });
      byHand.push({ number, status: res.status, message: res.status === 201 ? undefined : ((await res.json()) as ErrorJson).error.message });
    }
    await importing;
    // Every number of the file taken once, by the row or by the booth added by hand.
    const numbers = [...server.store.state.booths.values()].map((b) => b.booth);
    expect(numbers).toHaveLength(10_000);
    expect(new Set(numbers).size).toBe(10_000);
    for (const { number, status, message } of byHand) {
      if (status === 201) expect(answered!.errors).toContainEqual({ line: number + 2, message: `Booth ${number} is already Hand ${number}'s. Pick another booth number.` });
      else expect(message).toBe(`Booth ${number} is already Firm ${number}'s. Pick another booth number.`);
    }
    expect(answered!.created).toHaveLength(10_000 - byHand.filter((b) => b.status === 201).length);
  });

  it('gives each booth number once when two imports of the same file run at once', async () => {
    server = await startHttpServer();
    const csv = `employer,booth\n${Array.from({ length: 2_000 }, (_, i) => `Firm ${i},${i}`).join('\n')}\n`;
    const results = await Promise.all([importCsv(csv), importCsv(csv)].map(async (res) => (await res).json() as Promise<ImportResult>));
    expect(results.map((r) => r.created.length).sort()).toEqual([0, 2_000]);
    expect(results.map((r) => r.errors.length).sort()).toEqual([0, 2_000]);
    expect(results.find((r) => r.errors.length > 0)!.errors[0]).toEqual({ line: 2, message: "Booth 0 is already Firm 0's. Pick another booth number." });
    const numbers = [...server.store.state.booths.values()].map((b) => b.booth);
    expect(new Set(numbers).size).toBe(2_000);
  });
});
