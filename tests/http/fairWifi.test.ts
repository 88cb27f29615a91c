// The fair's Wi-Fi and retention settings over GET|PUT /api/admin/fair, and the Wi-Fi join code
// the posters print (GET /api/booths/<slug>/wifi-qr.svg), read back by an independent decoder.
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FairInfo } from '../../shared/protocol.ts';
import { api } from '../helpers.ts';
import { createBooth, introduce, profile, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };
const FAIR = { name: 'Spring Fair', date: '2026-04-02', timeZone: 'Europe/Berlin', windows: [{ start: '10:00', end: '12:00' }], slotMinutes: 15 };
const NOON_BEFORE = new Date('2026-04-01T10:00:00Z');

const putFair = (body: unknown) => api(server.url, '/api/admin/fair', { method: 'PUT', token: server.adminToken, json: body });
const getFair = async () => (await (await api(server.url, '/api/admin/fair', { token: server.adminToken })).json()) as FairInfo;

describe('fair settings: Wi-Fi and retention', () => {
  it('keep 30 days by default and say when that ends, in the fair\'s time zone', async () => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    expect((await putFair(FAIR)).status).toBe(200);
    const fair = await getFair();
    expect(fair).toMatchObject({ ...FAIR, retentionDays: 30, retentionDate: '2026-05-02', purgeAt: '2026-05-01T22:00:00.000Z', windowsOver: false, now: NOON_BEFORE.toISOString() });
    expect(fair.wifi).toBeUndefined();
    expect(server.store.state.fair).toEqual(FAIR); // stored as sent: an old data folder's settings read the same
  });

  it('save the Wi-Fi with its security worked out, and a retention of the organiser\'s choosing', async () => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    const res = await putFair({ ...FAIR, wifi: { ssid: '  Fair;Net  ', password: 'correct horse' }, retentionDays: 7 });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as FairInfo;
    expect(saved.wifi).toEqual({ ssid: 'Fair;Net', password: 'correct horse', security: 'WPA' });
    expect(saved).toMatchObject({ retentionDays: 7, retentionDate: '2026-04-09' });
    expect(await getFair()).toMatchObject({ wifi: saved.wifi, retentionDays: 7 });
  });

  it('clear the Wi-Fi with null or by leaving it out', async () => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    const booth = await createBooth(server, { employer: 'ACME' });
    expect((await putFair({ ...FAIR, wifi: { ssid: 'FairNet', security: 'nopass' } })).status).toBe(200);
    expect((await api(server.url, `/api/booths/${booth.slug}/wifi-qr.svg`)).status).toBe(200);
    expect((await putFair({ ...FAIR, wifi: null })).status).toBe(200);
    expect((await getFair()).wifi).toBeUndefined();
    expect((await api(server.url, `/api/booths/${booth.slug}/wifi-qr.svg`)).status).toBe(404);
    expect((await putFair({ ...FAIR, wifi: { ssid: 'FairNet', security: 'nopass' } })).status).toBe(200);
    expect((await putFair(FAIR)).status).toBe(200);
    expect(server.store.state.fair.wifi).toBeUndefined();
  });

  it.each([
    [{ wifi: { ssid: '' } }, 'wifi.ssid', /Enter the Wi-Fi name/],
    [{ wifi: { ssid: 'x'.repeat(33) } }, 'wifi.ssid', /at most 32 bytes/],
    [{ wifi: { ssid: 'Net', password: 'short' } }, 'wifi.password', /WPA password is 8 to 63/],
    [{ wifi: { ssid: 'Net', security: 'WPA' } }, 'wifi.password', /needs its password/],
    [{ wifi: { ssid: 'Net', security: 'nopass', password: 'long enough' } }, 'wifi.password', /takes no password/],
    [{ wifi: { ssid: 'Net', password: 'abc', security: 'WEP' } }, 'wifi.password', /WEP key is 5 or 13/],
    [{ wifi: { ssid: 'Net', security: 'WPA3' } }, 'wifi.security', /Choose the Wi-Fi security/],
    [{ wifi: 'FairNet' }, 'wifi', /Send the Wi-Fi as/],
    [{ retentionDays: 0 }, 'retentionDays', /at least 1 day/],
    [{ retentionDays: 400 }, 'retentionDays', /at most 365 days/],
    [{ retentionDays: 2.5 }, 'retentionDays', /whole days/],
    [{ retentionDays: '30' }, 'retentionDays', /number of days/],
  ])('refuse %j with a sentence and change nothing', async (extra, field, sentence) => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    expect((await putFair({ ...FAIR, wifi: { ssid: 'Kept', password: 'kept-password' } })).status).toBe(200);
    const before = structuredClone(server.store.state.fair);
    const res = await putFair({ ...FAIR, ...extra });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(sentence);
    expect(error.message).toMatch(/\.$/);
    expect(error.fields?.[field]).toMatch(sentence);
    expect(server.store.state.fair).toEqual(before);
  });

  it('refuse a date that would purge the day\'s personal data at once, and take it while none is held', async () => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    expect((await putFair(FAIR)).status).toBe(200);
    const lastYear = { ...FAIR, date: '2025-04-02' };
    expect((await putFair(lastYear)).status).toBe(200); // nobody's data yet: nothing to lose
    expect((await putFair(FAIR)).status).toBe(200);
    const booth = await createBooth(server, { employer: 'ACME' });
    await introduce(server.store, booth.slug, profile({ name: 'Sam Lee' }), NOON_BEFORE);
    const res = await putFair(lastYear);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.message).toBe(
      "With the fair on 2025-04-02 and personal data kept 30 days, its retention date 2025-05-02 has passed, so every student's data would be purged now. Check the date, keep the data longer, or export and then purge by hand.",
    );
    expect(server.store.state.fair).toEqual(FAIR);
    expect(server.store.state.students.size).toBe(1);
    expect((await putFair({ ...lastYear, retentionDays: 365 })).status).toBe(200); // kept long enough: fine
  });
});

describe('wifi-qr.svg', () => {
  const decode = (svg: string) => {
    const png = PNG.sync.read(new Resvg(svg, { fitTo: { mode: 'width', value: 500 }, background: 'white' }).render().asPng());
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  };

  it('decodes to the exact WIFI: text, special characters escaped', async () => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    const booth = await createBooth(server, { employer: 'ACME Rockets' });
    expect((await putFair({ ...FAIR, wifi: { ssid: 'Hall "A"; 2,\\:', password: 'p;ss,w"rd\\:x' } })).status).toBe(200);
    const res = await api(server.url, `/api/booths/${booth.slug}/wifi-qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(decode(await res.text())).toBe('WIFI:T:WPA;S:Hall \\"A\\"\\; 2\\,\\\\\\:;P:p\\;ss\\,w\\"rd\\\\\\:x;;');
  });

  it('answers 404 with a sentence when no Wi-Fi is set, or the booth is unknown', async () => {
    server = await startHttpServer({ now: () => NOON_BEFORE });
    const booth = await createBooth(server, { employer: 'ACME Rockets' });
    const none = await api(server.url, `/api/booths/${booth.slug}/wifi-qr.svg`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as ErrorJson).error.message).toBe('This fair has no Wi-Fi set yet. The organiser adds the venue Wi-Fi in the fair settings; then the posters carry its code.');
    expect((await putFair({ ...FAIR, wifi: { ssid: 'FairNet', security: 'nopass' } })).status).toBe(200);
    const unknown = await api(server.url, '/api/booths/no-such-booth/wifi-qr.svg');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorJson).error.message).toMatch(/no booth at that address/);
  });
});
