// The HTTP surface for the fuzz test: the JSON routes with their shapes, and malformed requests
// of every other kind (bodies that are not JSON or not UTF-8, odd paths, wrong methods and headers).
import type { Shape } from './fuzzCases.ts';
import { PROTO_NAMES } from './fuzzValues.ts';

export interface HttpCase {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: RequestInit['body'];
}

const fair = {
  valid: { name: 'Fuzz Fair', date: '2026-03-12', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '15:00' }], slotMinutes: 20 },
  fields: {
    name: { kind: 'text', max: 120, required: true, bad: ['', '   '] },
    date: { kind: 'token', max: 10, required: true, bad: ['2026-13-01', '2026-02-30', '2026-04-31', '12.03.2026'] },
    timeZone: { kind: 'token', max: 64, required: true, bad: ['Mars/Olympus', 'x'.repeat(65)] },
    windows: {
      kind: 'list', required: true,
      bad: [[], [{ start: '25:00', end: '26:00' }], [{ start: '14:00', end: '13:00' }], [{ start: '13:00' }],
        [{ start: '13:00', end: '14:00', x: 1 }], Array.from({ length: 13 }, () => ({ start: '13:00', end: '14:00' }))],
    },
    slotMinutes: { kind: 'number', required: true, bad: [4, 121, 20.5] },
  },
} satisfies Shape;

const booth = {
  valid: { employer: 'Fuzz Corp' },
  fields: {
    employer: { kind: 'text', max: 120, required: true, bad: ['', '   '] },
    booth: { kind: 'text', max: 20 },
    description: { kind: 'text', max: 500 },
    website: { kind: 'token', max: 300, bad: ['javascript:alert(1)', 'example.com', 'ftp://example.com'] },
    roles: { kind: 'list' },
    place: { kind: 'text', max: 120 },
  },
} satisfies Shape;

const pairing = {
  // Never sent valid, so the wrong code in it never counts as a failed attempt.
  valid: { code: 'ZZZZ-ZZZZ', name: 'Fuzz', title: '', email: 'fuzz@example.com', pin: '0000' },
  fields: {
    // Text, not a token: spaces in a code are dropped (it is typed as it comes), so 'a b c d e' is a code.
    code: { kind: 'text', max: 20, required: true, bad: ['', 'ab', '../../etc/passwd', '<img src=x>', 'a\u0000b'] },
    pin: { kind: 'token', max: 8, required: true, bad: ['123', '12a4'] },
    name: { kind: 'text', max: 100, required: true, bad: ['', '   '] },
    title: { kind: 'text', max: 100 },
    email: { kind: 'token', max: 200, required: true, bad: ['fuzz', 'fuzz@'] },
  },
} satisfies Shape;

const purge = {
  valid: { confirm: 'PURGE PERSONAL DATA' },
  fields: { confirm: { kind: 'choice', required: true, bad: ['purge personal data', 'PURGE', ' PURGE PERSONAL DATA'] } },
} satisfies Shape;

/** Routes that read a JSON body; `admin` ones need the organiser's token. */
export const JSON_ROUTES: { method: string; path: string; admin: boolean; shape: Shape }[] = [
  { method: 'PUT', path: '/api/admin/fair', admin: true, shape: fair },
  { method: 'POST', path: '/api/admin/booths', admin: true, shape: booth },
  { method: 'POST', path: '/api/admin/purge', admin: true, shape: purge },
  { method: 'POST', path: '/api/rep/pair', admin: false, shape: pairing },
];

const JSON_TYPE = { 'content-type': 'application/json' };
const bytes = (...b: number[]) => new Uint8Array(b);

/** Bodies no JSON route can read, whatever its shape. */
export const UNREADABLE_BODIES: Omit<HttpCase, 'method' | 'path'>[] = [
  ...['', '{', '{"a":', "{'a':1}", 'nul', '[1,]', '{"employer":"x",}', '\u0000', 'undefined', 'NaN'].map((body) => ({ label: `JSON ${JSON.stringify(body)}`, headers: JSON_TYPE, body })),
  { label: 'invalid UTF-8', headers: JSON_TYPE, body: bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d) },
  { label: 'overlong UTF-8', headers: JSON_TYPE, body: bytes(0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d) },
  { label: 'UTF-8 surrogate', headers: JSON_TYPE, body: bytes(0x22, 0xed, 0xa0, 0x80, 0x22) },
  { label: 'UTF-16', headers: { 'content-type': 'application/json; charset=utf-16' }, body: bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00) },
  { label: '17 KB', headers: JSON_TYPE, body: JSON.stringify({ employer: 'x'.repeat(17 * 1024) }) },
  { label: '8,000 levels deep', headers: JSON_TYPE, body: `${'['.repeat(8_000)}${']'.repeat(8_000)}` },
  ...['', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'text/csv', 'application/json-patch+json']
    .map((type) => ({ label: `Content-Type "${type}"`, headers: type ? { 'content-type': type } : ({} as Record<string, string>), body: '{"employer":"x"}' })),
];

const ids = ['nope', 'x'.repeat(80), 'x'.repeat(81), '%2e%2e', 'a%00b', '..', ...PROTO_NAMES];
const get = (path: string): HttpCase => ({ label: `GET ${path.slice(0, 60)}`, method: 'GET', path });
const post = (path: string): HttpCase => ({ label: `POST ${path.slice(0, 60)}`, method: 'POST', path });

/** Requests to addresses with ids in them, with odd ids; wrong methods; the organiser's API without its token. */
export const PATH_CASES: HttpCase[] = [
  ...ids.map((id) => post(`/api/admin/booths/${id}/reset-code`)),
  ...ids.flatMap((id) => [post(`/api/admin/booths/${id}/reps/rep-ada/revoke`), post(`/api/admin/booths/acme/reps/${id}/revoke`)]),
  ...['nope', 'constructor', 'ACME', 'x'.repeat(61), '%2e%2e', '..', 'a%2Fb', ...PROTO_NAMES].flatMap((slug) => [get(`/api/booths/${slug}/qr.svg`), get(`/api/booths/${slug}/wifi-qr.svg`)]),
  ...ids.flatMap((id) => [get(`/api/booths/acme/reps/${id}.vcf`), get(`/api/booths/${id}/reps/rep-ada.vcf`)]),
  ...ids.map((id) => get(`/api/interviews/${id}.ics`)),
  ...['/api', '/api/', '/api/nope', '/api/admin/nope', '/api/admin/booths/acme', '/api/booths/acme'].map(get),
  ...['DELETE', 'PATCH', 'OPTIONS', 'PUT'].flatMap((method) => ['/healthz', '/api/admin/booths', '/api/rep/pair', '/api/booths/acme/qr.svg', '/api/admin/export/introductions.csv', '/b/acme']
    .map((path) => ({ label: `${method} ${path}`, method, path }))),
  ...['/api/admin/booths/import', '/api/rep/pair', '/api/admin/purge', '/api/admin/booths/acme/reset-code'].map((path) => get(path)),
];

/** The organiser's API with every kind of wrong Authorization header. */
export const AUTH_HEADERS: (string | undefined)[] = [
  undefined, '', 'Bearer', 'Bearer ', `Bearer ${'x'.repeat(8_000)}`, 'Basic YWRtaW46YWRtaW4=', 'Bearer __proto__', 'Bearer null',
];

const csv = (label: string, body: HttpCase['body'], type = 'text/csv'): HttpCase =>
  ({ label, method: 'POST', path: '/api/admin/booths/import', headers: { 'content-type': type }, body });

/** Employer lists that cannot be read at all: refused whole, with a 4xx. */
export const UNREADABLE_CSVS: HttpCase[] = [
  csv('empty', ''),
  csv('no employer column', 'booth,description\n12,Rockets\n'),
  csv('unknown columns', 'employer,__proto__,constructor\nACME,x,y\n'),
  csv('a column twice', 'employer,employer\nACME,ACME\n'),
  csv('an unclosed quote', 'employer\n"ACME\n'),
  csv('invalid UTF-8', new Uint8Array([0x65, 0x6d, 0x70, 0x6c, 0x6f, 0x79, 0x65, 0x72, 0x0a, 0xff, 0xfe, 0x0a])),
  csv('Latin-1', 'employer\nACME\n', 'text/csv; charset=iso-8859-1'),
  csv('JSON', '{"employer":"ACME"}', 'application/json'),
  csv('no type', 'employer\nACME\n', ''),
  csv('over 1 MB', `employer\n${'x'.repeat(1024 * 1024)}\n`),
];

/** Readable lists whose every row is wrong: answered with one sentence per row, and no booth made. */
export const BAD_ROW_CSVS: HttpCase[] = [
  csv('employers too long', `employer\n${'x'.repeat(121)}\n${'y'.repeat(5_000)}\n`),
  csv('too many cells', 'employer\nACME,extra,cells\n'),
  csv('an empty employer', 'employer,booth\n,12\n   ,13\n'),
  csv('a bad website', 'employer,website\nACME,javascript:alert(1)\n'),
  csv('too many roles', `employer,roles\nACME,"${Array.from({ length: 21 }, (_, i) => `r${i}`).join(',')}"\n`),
];
