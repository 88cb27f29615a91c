// A phone's resend of an action the server applied hours ago, as the outbox sends it after a long
// time offline (client/lib/outbox.ts resends for RESEND_FOR_MS): answered, not applied again. A
// share resent after the student withdrew it must not share the details again.
import { afterEach, describe, expect, it } from 'vitest';
import { RESEND_FOR_MS } from '../../shared/protocol.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { actionId, ask, connectRep, connectStudent, startServer, studentKey, tempDir, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair, stopServer } from './fixtures.ts';

let server: TestServer | undefined;
afterEach(async () => {
  if (server) await stopServer(server);
  server = undefined;
});

describe('an action resent hours later', () => {
  it('is answered once: a share resent after a withdrawal does not share again', async () => {
    let storeNow = Date.now();
    const dataDir = tempDir();
    server = await startServer({ dataDir, now: () => FAIR_MORNING, store: await openFileStore(dataDir, { log: () => {}, now: () => storeNow }) });
    const { booth, pair } = await setUpFair(server.store);
    await booth('acme', 'ACME', '12');
    const tablet = await connectRep(server.url, await pair('acme', 'Ada'));
    const key = studentKey();
    const phone = await connectStudent(server.url, key);
    expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
    const share = { id: actionId(), slug: 'acme' };
    expect(await ask(phone, 'intro:share', share)).toMatchObject({ ok: true });
    expect(await ask(phone, 'intro:withdraw', { id: actionId(), slug: 'acme' })).toMatchObject({ ok: true });

    storeNow += RESEND_FOR_MS; // the outbox's last resend, from a phone that was offline all that time
    phone.disconnect();
    const back = await connectStudent(server.url, key);
    const resent = await ask(back, 'intro:share', share);
    expect(resent.ok && resent.data.visits.map((visit) => visit.booth.employer)).toEqual([]);
    const loaded = await ask(tablet, 'rep:load');
    expect(loaded.ok && loaded.data.visitors).toEqual([]);
    expect(server.store.state.introductions.size).toBe(0);
  });
});
