// The server's log (AppDeps.log, and the store's own) holds no personal data over a whole day of
// one student: profile, a refused edit, share, request, accept, calendar file, export, withdraw, erase.
import { afterEach, describe, expect, it } from 'vitest';
import { actionId, api, ask, connectRep, type TestServer } from '../helpers.ts';
import { SAM, SLOT_1320, stopServer } from '../realtime/fixtures.ts';
import { exportsOf, fairOnDisk, SAMS, studentAt } from './privacyFair.ts';

let server: TestServer;
afterEach(() => stopServer(server));

describe('logs', () => {
  it('hold none of the student\'s name, email, phone or note', async () => {
    const storeLines: string[] = [];
    const fair = await fairOnDisk((line) => storeLines.push(line));
    server = fair.server;
    const acme = await connectRep(server.url, fair.ada);
    const sam = await studentAt(server, SAM, ['acme', 'globex']);
    const refused = await ask(sam.phone, 'profile:save', { ...SAM, phone: `${SAM.phone} <script>` });
    expect(refused.ok).toBe(false);
    expect(await ask(acme, 'request:accept', { id: actionId(), requestId: sam.requests[0]!, start: SLOT_1320 })).toMatchObject({ ok: true });
    expect((await api(server.url, `/api/interviews/${sam.requests[0]}.ics`)).status).toBe(200);
    await exportsOf(server);
    expect(await ask(sam.phone, 'intro:withdraw', { id: actionId(), slug: 'globex' })).toMatchObject({ ok: true });
    expect(await ask(sam.phone, 'student:erase', { id: actionId(), confirm: 'ERASE' })).toMatchObject({ ok: true });
    await stopServer(server);

    const logged = [...server.logs, ...storeLines].join('\n');
    for (const secret of SAMS) expect(logged).not.toContain(secret);
  });
});
