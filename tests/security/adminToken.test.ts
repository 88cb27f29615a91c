// The organiser's token: taken only from the Authorization header (the query string is covered cell
// by cell in access.test.ts) and never written to the server's output, whatever is sent with it.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CRASH_ADMIN_TOKEN as TOKEN, killAllServers, startServerProcess } from '../crash/serverProcess.ts';
import { handshakeResult, tempDir } from '../helpers.ts';

const dirs: string[] = [];
afterEach(async () => {
  await killAllServers();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const WRONG = 'wrong-admin-token-9876543210fedcba';

const handshake = (url: string, options: { auth?: Record<string, string>; query?: Record<string, string> }): Promise<string> =>
  handshakeResult(`${url}/admin`, options);

describe('the admin token in the server output', () => {
  it('appears only in the start banner’s organiser link, not in any line written while serving', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const server = await startServerProcess('server/main.ts', dataDir);
    const bannerEnd = server.output().length;
    const { url } = server;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    expect((await fetch(`${url}/api/admin/booths`, { headers: bearer(TOKEN) })).status).toBe(200);
    expect((await fetch(`${url}/api/admin/booths`, { headers: bearer(WRONG) })).status).toBe(401);
    expect((await fetch(`${url}/api/admin/booths?token=${TOKEN}`)).status).toBe(401);
    expect((await fetch(`${url}/api/admin/${TOKEN}`, { headers: bearer(TOKEN) })).status).toBe(404);
    expect((await fetch(`${url}/api/admin/booths`, { method: 'POST', headers: { ...bearer(TOKEN), 'content-type': 'application/json' }, body: `{"employer": "${TOKEN}` })).status).toBe(400);
    expect((await fetch(`${url}/rep?token=${TOKEN}`)).status).toBe(200);
    expect(await handshake(url, { auth: { token: TOKEN } })).toBe('connected');
    expect(await handshake(url, { auth: { token: WRONG } })).toBe('UNAUTHORIZED');
    expect(await handshake(url, { query: { token: TOKEN } })).toBe('UNAUTHORIZED');
    await server.stop('SIGTERM');

    const whileServing = server.output().slice(bannerEnd);
    expect(whileServing).toContain('Stopping: saving the fair'); // the capture lasted the whole run
    expect(whileServing).not.toContain(TOKEN);
    expect(whileServing).not.toContain(WRONG);
    const banner = server.output().slice(0, bannerEnd);
    expect(banner.split(TOKEN).length - 1).toBe(banner.split(`/admin#token=${TOKEN}`).length - 1);
  });
});
