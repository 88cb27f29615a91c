// The organiser's live dashboard over /admin: the figures a phone, a tablet and a revoke change, pushed
// without asking, at most one push a second.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminStats } from '../../shared/protocol.ts';
import { actionId, api, ask, connectAdmin, connectRep, connectStudent, studentKey, waitFor, type AdminClient, type TestServer } from '../helpers.ts';
import { SAM, startTwoBoothFair, stopServer } from './fixtures.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };

beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

/** The organiser's screen: the figures it loaded, then every push, and how many pushes came. */
async function dashboard(): Promise<{ admin: AdminClient; latest: () => AdminStats; pushes: () => number }> {
  const admin = await connectAdmin(server.url, server.adminToken);
  const loaded = await ask(admin, 'stats:load');
  if (!loaded.ok) throw new Error(loaded.error.message);
  let latest = loaded.data;
  let pushes = 0;
  admin.on('stats:changed', (stats) => {
    latest = stats;
    pushes += 1;
  });
  return { admin, latest: () => latest, pushes: () => pushes };
}

const booth = (stats: AdminStats, id: string) => stats.booths.find((b) => b.id === id)!;
const quarter = (stats: AdminStats, start: string) => stats.day.quarters.find((q) => q.start === start);

describe("the organiser's live dashboard", () => {
  it('loads each booth with its employer, number, status and figures, and the chart of the fair\'s day', async () => {
    const { latest } = await dashboard();
    expect(latest()).toMatchObject({ students: 0, introductions: 0, requests: 0, accepted: 0, attended: 0 });
    expect(latest().booths).toEqual([
      { id: 'acme', employer: 'ACME', booth: '12', status: 'open', introductions: 0, pending: 0, accepted: 0, tabletsOnline: 0 },
      { id: 'globex', employer: 'Globex', booth: '14', status: 'open', introductions: 0, pending: 0, accepted: 0, tabletsOnline: 0 },
    ]);
    // 13:00–15:00 in Berlin (UTC+1 in March): eight quarters, all empty.
    expect(latest().day).toMatchObject({ date: '2026-03-12', timeZone: 'Europe/Berlin' });
    expect(latest().day.quarters.map((q) => q.start)).toEqual(
      ['12:00', '12:15', '12:30', '12:45', '13:00', '13:15', '13:30', '13:45'].map((t) => `2026-03-12T${t}:00.000Z`),
    );
  });

  it('hears a phone share and ask: totals, the booth\'s row and the chart, without asking again', async () => {
    const { latest } = await dashboard();
    const phone = await connectStudent(server.url, studentKey());
    expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
    expect(await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' })).toMatchObject({ ok: true });
    await waitFor(() => latest().introductions === 1, undefined, 'the introduction on the dashboard');
    expect(latest()).toMatchObject({ students: 1, introductions: 1 });
    expect(booth(latest(), 'acme')).toMatchObject({ introductions: 1, pending: 0 });
    // The server's clock says 08:00 UTC, 09:00 in Berlin: the chart now starts there.
    expect(quarter(latest(), '2026-03-12T08:00:00.000Z')).toEqual({ start: '2026-03-12T08:00:00.000Z', introductions: 1, requests: 0 });

    expect(await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' })).toMatchObject({ ok: true });
    await waitFor(() => latest().requests === 1, undefined, 'the request on the dashboard');
    expect(booth(latest(), 'acme')).toMatchObject({ introductions: 1, pending: 1 });
    expect(quarter(latest(), '2026-03-12T08:00:00.000Z')).toMatchObject({ introductions: 1, requests: 1 });
    expect(booth(latest(), 'globex')).toMatchObject({ introductions: 0, pending: 0 });
  });

  it('counts tablets on line per booth as they connect, drop and are revoked; two tabs of one tablet count once', async () => {
    const { latest, pushes } = await dashboard();
    const online = () => latest().booths.map((b) => `${b.id} ${b.tabletsOnline}`);
    const ada = await connectRep(server.url, tokens.ada);
    await waitFor(() => booth(latest(), 'acme').tabletsOnline === 1, undefined, "Ada's tablet on line");
    const adaAgain = await connectRep(server.url, tokens.ada);
    await connectRep(server.url, tokens.bo);
    await connectRep(server.url, tokens.gil);
    await waitFor(() => online().join() === 'acme 2,globex 1', undefined, 'three tablets on line');

    const before = pushes();
    ada.disconnect();
    // The drop is pushed, but Ada's second tab is still open: her tablet is still on line.
    await waitFor(() => pushes() > before, undefined, 'the push after the drop');
    expect(online()).toEqual(['acme 2', 'globex 1']);
    adaAgain.disconnect();
    await waitFor(() => online().join() === 'acme 1,globex 1', undefined, "Ada's tablet gone");

    const revoked = await api(server.url, '/api/admin/booths/globex/reps/rep-gil/revoke', { token: server.adminToken, method: 'POST' });
    expect(revoked.status).toBe(200);
    await waitFor(() => online().join() === 'acme 1,globex 0', undefined, "Gil's tablet revoked");
    // A fresh load says the same as the pushes.
    const fresh = await ask(await connectAdmin(server.url, server.adminToken), 'stats:load');
    expect(fresh.ok && fresh.data.booths.map((b) => `${b.id} ${b.tabletsOnline}`)).toEqual(['acme 1', 'globex 0']);
  });

  it('pushes at most once a second, however many phones share', async () => {
    const { latest, pushes } = await dashboard();
    const phones = await Promise.all(Array.from({ length: 8 }, () => connectStudent(server.url, studentKey())));
    const started = Date.now();
    await Promise.all(phones.map(async (phone) => {
      await ask(phone, 'profile:save', SAM);
      await ask(phone, 'intro:share', { id: actionId(), slug: 'globex' });
    }));
    await waitFor(() => latest().introductions === 8, undefined, 'eight introductions');
    const seconds = Math.ceil((Date.now() - started) / 1000);
    expect(pushes()).toBeLessThanOrEqual(seconds + 1);
    expect(booth(latest(), 'globex').introductions).toBe(8);
  });
});
