// The organiser's REST API: sign-in, the fair's settings, creating and listing booths, resetting codes.
import { afterEach, describe, expect, it } from 'vitest';
import type { BoothAdmin, FairInfo } from '../../shared/protocol.ts';
import { api } from '../helpers.ts';
import { createBooth, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string> } };
const SIGN_IN = 'Sign in with the organiser link printed by the server.';

describe('organiser sign-in', () => {
  it('refuses no token, a wrong token and a token in the query string', async () => {
    server = await startHttpServer();
    const attempts = [
      api(server.url, '/api/admin/booths'),
      api(server.url, '/api/admin/booths', { token: 'wrong-token' }),
      api(server.url, '/api/admin/booths', { token: `${server.adminToken}x` }),
      api(server.url, `/api/admin/booths?token=${server.adminToken}`),
      api(server.url, '/api/admin/booths', { headers: { authorization: server.adminToken } }),
      api(server.url, '/api/admin/booths', { json: { employer: 'Sneaky' } }),
      api(server.url, '/api/admin/nope'),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(((await res.json()) as ErrorJson).error).toEqual({ code: 'UNAUTHORIZED', message: SIGN_IN });
    }
    expect([...server.store.state.booths.keys()]).toHaveLength(0);
    expect((await api(server.url, '/api/admin/booths', { token: server.adminToken })).status).toBe(200);
  });

  it('answers an unknown organiser address with 404 once signed in', async () => {
    server = await startHttpServer();
    const res = await api(server.url, '/api/admin/nope', { token: server.adminToken });
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorJson).error.code).toBe('NOT_FOUND');
  });
});

describe('fair settings', () => {
  it('reads and updates the fair, with the public URL', async () => {
    server = await startHttpServer();
    const token = server.adminToken;
    const before = (await (await api(server.url, '/api/admin/fair', { token })).json()) as FairInfo;
    expect(before.publicUrl).toBe(server.url);
    const fair = { name: 'Spring Fair', date: '2026-04-02', timeZone: 'Europe/Berlin', windows: [{ start: '10:00', end: '12:00' }], slotMinutes: 15 };
    const res = await api(server.url, '/api/admin/fair', { method: 'PUT', token, json: fair });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ...fair, publicUrl: server.url, retentionDays: 30, retentionDate: '2026-05-02' });
    expect(server.store.state.fair).toEqual(fair);
  });

  it('takes back what it answered with one field changed, and still refuses a field it does not know', async () => {
    server = await startHttpServer();
    const token = server.adminToken;
    const read = (await (await api(server.url, '/api/admin/fair', { token })).json()) as FairInfo;
    const res = await api(server.url, '/api/admin/fair', { method: 'PUT', token, json: { ...read, name: 'Autumn Fair' } });
    expect(res.status).toBe(200);
    expect(server.store.state.fair.name).toBe('Autumn Fair');
    expect(server.store.state.fair).not.toHaveProperty('publicUrl');
    expect(server.store.state.fair).not.toHaveProperty('now');

    const typo = await api(server.url, '/api/admin/fair', { method: 'PUT', token, json: { ...read, name: 'Winter Fair', slotMinute: 30 } });
    expect(typo.status).toBe(400);
    expect(server.store.state.fair.name).toBe('Autumn Fair');
  });

  it('refuses invalid settings with a message per field and changes nothing', async () => {
    server = await startHttpServer();
    const before = structuredClone(server.store.state.fair);
    const res = await api(server.url, '/api/admin/fair', {
      method: 'PUT', token: server.adminToken,
      json: { name: '', date: 'tomorrow', timeZone: 'Mars/Olympus', windows: [], slotMinutes: 2 },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    expect(error.code).toBe('INVALID');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['date', 'name', 'slotMinutes', 'timeZone', 'windows']);
    expect(error.fields?.timeZone).toMatch(/time zone such as/);
    expect(server.store.state.fair).toEqual(before);
  });
});

describe('booths', () => {
  it('creates a booth: 201 with its slug, pairing code and URL', async () => {
    server = await startHttpServer();
    const res = await api(server.url, '/api/admin/booths', {
      token: server.adminToken,
      json: { employer: 'ACME Rockets', booth: '12', website: 'https://acme.example', roles: 'Engineer, Designer', place: 'Room 2' },
    });
    expect(res.status).toBe(201);
    const booth = (await res.json()) as BoothAdmin;
    expect(booth).toMatchObject({
      employer: 'ACME Rockets', booth: '12', slug: 'acme-rockets', roles: ['Engineer', 'Designer'], place: 'Room 2',
      status: 'open', reps: [], introductions: 0, url: `${server.url}/b/acme-rockets`,
    });
    expect(booth.pairingCode).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/);
    expect(server.store.state.booths.get(booth.id)?.pairingCode).toBe(booth.pairingCode);
  });

  it('lists booths by booth number in natural order, then employer, numberless last', async () => {
    server = await startHttpServer();
    for (const [employer, booth] of [['Zeta', '10'], ['Beta', '2'], ['Alpha', ''], ['Gamma', 'A1'], ['Delta', '1']]) {
      await createBooth(server, { employer, booth });
    }
    const res = await api(server.url, '/api/admin/booths', { token: server.adminToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list = (await res.json()) as BoothAdmin[];
    expect(list.map((b) => b.employer)).toEqual(['Delta', 'Beta', 'Zeta', 'Gamma', 'Alpha']);
    expect(list.every((b) => typeof b.pairingCode === 'string' && b.url === `${server.url}/b/${b.slug}`)).toBe(true);
  });

  it('refuses bad JSON, a wrong content type, a huge body and invalid fields, creating nothing', async () => {
    server = await startHttpServer();
    const token = server.adminToken;
    const badJson = await api(server.url, '/api/admin/booths', { token, body: '{"employer":', headers: { 'content-type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as ErrorJson).error).toEqual({ code: 'INVALID', message: 'The request body is not valid JSON.' });

    const notJson = await api(server.url, '/api/admin/booths', { token, body: 'employer=ACME', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(415);

    const huge = await api(server.url, '/api/admin/booths', { token, json: { employer: 'A', description: 'x'.repeat(20_000) } });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as ErrorJson).error.message).toMatch(/16 KB/);

    const invalid = await api(server.url, '/api/admin/booths', { token, json: { employer: '  ', website: 'acme.example', extra: 1 } });
    expect(invalid.status).toBe(400);
    const { error } = (await invalid.json()) as ErrorJson;
    expect(error.code).toBe('INVALID');
    expect(error.fields?.employer).toBe('Enter the employer name.');
    expect(error.fields?.website).toMatch(/full web address/);
    expect(error.fields?.extra).toBeDefined();
    expect([...server.store.state.booths.keys()]).toHaveLength(0);
  });

  it('refuses a booth number that is taken with 409', async () => {
    server = await startHttpServer();
    await createBooth(server, { employer: 'ACME', booth: '7' });
    const res = await api(server.url, '/api/admin/booths', { token: server.adminToken, json: { employer: 'Other', booth: '7' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorJson).error.message).toBe("Booth 7 is already ACME's. Pick another booth number.");
  });

  it('resets a pairing code', async () => {
    server = await startHttpServer();
    const booth = await createBooth(server, { employer: 'ACME' });
    const res = await api(server.url, `/api/admin/booths/${booth.id}/reset-code`, { method: 'POST', token: server.adminToken });
    expect(res.status).toBe(200);
    const after = (await res.json()) as BoothAdmin;
    expect(after.id).toBe(booth.id);
    expect(after.pairingCode).not.toBe(booth.pairingCode);
    expect(server.store.state.booths.get(booth.id)?.pairingCode).toBe(after.pairingCode);

    const unknown = await api(server.url, '/api/admin/booths/no-such-booth/reset-code', { method: 'POST', token: server.adminToken });
    expect(unknown.status).toBe(404);
    const wrongMethod = await api(server.url, `/api/admin/booths/${booth.id}/reset-code`, { token: server.adminToken });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers 500 with a sentence when a handler throws, logs no personal data and keeps serving', async () => {
    server = await startHttpServer();
    await createBooth(server, { employer: 'Secret Employer Name' });
    const store = server.store;
    const real = Object.getOwnPropertyDescriptor(store, 'state')!;
    Object.defineProperty(store, 'state', { configurable: true, get: () => { throw new TypeError('boom with sam@example.com'); } });
    const res = await api(server.url, '/api/admin/booths', { token: server.adminToken });
    Object.defineProperty(store, 'state', real);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'Something went wrong on the server. Try again.' } });
    const line = server.logs.find((l) => l.startsWith('HTTP 500'));
    expect(line).toContain('TypeError');
    expect(line).not.toContain('sam@example.com');
    expect((await api(server.url, '/healthz')).status).toBe(200);
  });
});
