// The kiosk face's PIN and the rep's own sign-out, on a real server: a tablet paired with a PIN
// opens with it, wrong ones are limited per tablet; signing out drops the tablet's sockets and the
// rep leaves the booth's reps on duty.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoothAdmin, BoothPublic, PairResult } from '../../shared/protocol.ts';
import {
  actionId, api, ask, connectRep, connectStudent, handshakeResult, nextEvent, studentKey, waitFor, type TestServer,
} from '../helpers.ts';
import { everyCommit } from '../../server/store/store.ts';
import { startTwoBoothFair, stopServer } from './fixtures.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };
beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

async function pairWithPin(name: string, email: string, pin: string): Promise<PairResult> {
  const res = await api(server.url, '/api/rep/pair', { json: { code: 'acme code', name, title: 'Engineer', email, pin } });
  expect(res.status).toBe(200);
  return (await res.json()) as PairResult;
}

describe('the PIN behind the kiosk face', () => {
  it('opens with the rep\'s PIN; five wrong ones, each saying the tries left, then the tablet waits', async () => {
    const { token } = await pairWithPin('Cy', 'cy@acme.example', '2468');
    const tablet = await connectRep(server.url, token);
    const loaded = await ask(tablet, 'rep:load');
    expect(loaded.ok && loaded.data.hasPin).toBe(true);
    expect(JSON.stringify((await everyCommit(server.store)).reps.get(loaded.ok ? loaded.data.rep.id : '')!)).not.toContain('2468');
    expect(await ask(tablet, 'rep:unlock', { pin: '2468' })).toEqual({ ok: true, data: { unlocked: true } });

    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push(await ask(tablet, 'rep:unlock', { pin: '1111' }));
    expect(wrong.map((r) => !r.ok && r.error.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(!wrong[0]!.ok && wrong[0]!.error.message).toBe('That PIN is not right. 4 tries left, then this tablet waits 5 minutes.');
    expect(!wrong[3]!.ok && wrong[3]!.error.message).toBe('That PIN is not right. 1 try left, then this tablet waits 5 minutes.');
    expect(!wrong[4]!.ok && wrong[4]!.error.message).toBe("That PIN is not right, and that was the last try: wait 5 minutes, or pair the tablet again with the booth's code.");
    // Now even the right PIN waits: a guesser cannot tell it hit.
    expect(await ask(tablet, 'rep:unlock', { pin: '2468' })).toEqual({
      ok: false, error: { code: 'RATE_LIMITED', message: "Too many wrong PINs on this tablet. Wait 5 minutes, or pair the tablet again with the booth's code." },
    });

    // Another tablet of the booth counts on its own.
    const other = await connectRep(server.url, (await pairWithPin('Di', 'di@acme.example', '97531')).token);
    expect(await ask(other, 'rep:unlock', { pin: '97531' })).toEqual({ ok: true, data: { unlocked: true } });
  });

  it('a tablet paired before PINs opens with a tap, and says so', async () => {
    const tablet = await connectRep(server.url, tokens.ada);
    const loaded = await ask(tablet, 'rep:load');
    expect(loaded.ok && loaded.data.hasPin).toBe(false);
    expect(await ask(tablet, 'rep:unlock', { pin: '0000' })).toEqual({ ok: true, data: { unlocked: true } });
  });
});

describe('signing out', () => {
  it('answers, then drops the tablet\'s sockets; the rep leaves the booth page and the organiser sees "signed out"', async () => {
    const { token, rep } = await pairWithPin('Cy', 'cy@acme.example', '2468');
    const first = await connectRep(server.url, token);
    const second = await connectRep(server.url, token); // the same tablet, a second tab
    const bo = await connectRep(server.url, tokens.bo);
    const phone = await connectStudent(server.url, studentKey());
    const page = await ask(phone, 'booth:get', { slug: 'acme' });
    expect(page.ok && page.data.reps.map((r) => r.name)).toEqual(['Ada', 'Bo', 'Cy']);

    const onPhone = nextEvent<BoothPublic>(phone, 'booth:changed');
    const id = actionId();
    // Sent twice before the first answer (a double tap): both answered, one sign-out recorded.
    const replies = await Promise.all([ask(first, 'rep:signOut', { id }), ask(first, 'rep:signOut', { id })]);
    expect(replies).toEqual([{ ok: true, data: { signedOut: true } }, { ok: true, data: { signedOut: true } }]);
    await waitFor(() => !first.connected && !second.connected, 30_000, 'the tablet\'s sockets to drop');
    expect(bo.connected).toBe(true);
    expect((await onPhone).reps.map((r) => r.name)).toEqual(['Ada', 'Bo']);
    expect(await handshakeResult(`${server.url}/rep`, { auth: { token } })).toMatch(/UNAUTHORIZED/);

    const booths = (await (await api(server.url, '/api/admin/booths', { token: server.adminToken })).json()) as BoothAdmin[];
    const tablets = booths.find((b) => b.slug === 'acme')!.tablets;
    expect(tablets.find((t) => t.id === rep.id)).toMatchObject({ name: 'Cy', signedOut: true, revokedAt: expect.any(String) });
    expect(tablets.find((t) => t.name === 'Bo')!.signedOut).toBeUndefined();
    const revoked = [...(await everyCommit(server.store)).reps.values()].filter((r) => r.revokedAt);
    expect(revoked.map((r) => r.name)).toEqual(['Cy']);
    expect((await server.records()).filter((line) => line.includes('"type":"rep.revoked"'))).toHaveLength(1);
  });

  it('a person paired on two tablets is one rep on duty, and stays on duty until both are signed out', async () => {
    const one = await pairWithPin('Cy', 'cy@acme.example', '2468');
    const two = await pairWithPin('Cy Young', 'CY@acme.example', '1357');
    const phone = await connectStudent(server.url, studentKey());
    const names = async () => {
      const page = await ask(phone, 'booth:get', { slug: 'acme' });
      return page.ok ? page.data.reps.map((r) => r.name) : [];
    };
    expect(await names()).toEqual(['Ada', 'Bo', 'Cy Young']);
    const tablet = await connectRep(server.url, two.token);
    expect(await ask(tablet, 'rep:signOut', { id: actionId() })).toMatchObject({ ok: true });
    expect(await names()).toEqual(['Ada', 'Bo', 'Cy']);
    const other = await connectRep(server.url, one.token);
    expect(await ask(other, 'rep:signOut', { id: actionId() })).toMatchObject({ ok: true });
    expect(await names()).toEqual(['Ada', 'Bo']);
  });
});
