// The organiser revokes one tablet: it is dropped at once, its token is refused from then on,
// and the booth's other tablets carry on.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoothAdmin, BoothPublic } from '../../shared/protocol.ts';
import { actionId, api, ask, connectRep, nextEvent, waitFor, type TestServer } from '../helpers.ts';
import { startTwoBoothFair, stopServer } from '../realtime/fixtures.ts';
import { journalHash } from './journal.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };

beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

type ErrorJson = { error: { code: string; message: string } };
const REVOKED = 'This tablet was signed out by the organiser. Pair it again with the booth code.';
const revoke = (boothId: string, repId: string, token = server.adminToken) =>
  api(server.url, `/api/admin/booths/${boothId}/reps/${repId}/revoke`, { method: 'POST', token });

/** The handshake's refusal, as the tablet's connect_error sees it. */
async function refusalOf(token: string): Promise<{ message: string; data?: { code: string; message: string } }> {
  try {
    await connectRep(server.url, token);
  } catch (error) {
    return error as { message: string; data?: { code: string; message: string } };
  }
  throw new Error('The old token connected.');
}

describe('revoking a tablet', () => {
  it('drops every socket of that tablet at once, refuses its token, and leaves the others working', async () => {
    const adaOne = await connectRep(server.url, tokens.ada);
    const adaTwo = await connectRep(server.url, tokens.ada);
    const bo = await connectRep(server.url, tokens.bo);
    const gil = await connectRep(server.url, tokens.gil);
    const boHears = nextEvent<BoothPublic>(bo, 'booth:changed');

    const res = await revoke('acme', 'rep-ada');
    expect(res.status).toBe(200);
    const booth = (await res.json()) as BoothAdmin;
    expect(booth.reps.map((r) => r.name)).toEqual(['Bo']);
    expect(booth.tablets).toEqual([
      { id: 'rep-ada', name: 'Ada', title: 'Recruiter', pairedAt: expect.any(String), revokedAt: expect.any(String) },
      { id: 'rep-bo', name: 'Bo', title: 'Recruiter', pairedAt: expect.any(String) },
    ]);

    await waitFor(() => !adaOne.connected && !adaTwo.connected, 1000, "Ada's sockets to be dropped");
    const refused = await refusalOf(tokens.ada);
    expect(refused.message).toBe('UNAUTHORIZED');
    expect(refused.data).toEqual({ code: 'UNAUTHORIZED', message: REVOKED });

    // Bo hears that Ada is off duty and still acts; Globex's tablet never noticed.
    expect((await boHears).reps.map((r) => r.name)).toEqual(['Bo']);
    expect(await ask(bo, 'rep:load')).toMatchObject({ ok: true, data: { rep: { name: 'Bo' } } });
    expect(await ask(bo, 'booth:status', { id: actionId(), status: 'break' })).toMatchObject({ ok: true, data: { status: 'break' } });
    expect(gil.connected).toBe(true);
    expect(await ask(gil, 'rep:load')).toMatchObject({ ok: true, data: { booth: { id: 'globex' } } });
    expect((await connectRep(server.url, tokens.bo)).connected).toBe(true);
  });

  it('lists each booth’s tablets to the organiser without their token hashes', async () => {
    await revoke('acme', 'rep-bo');
    const list = (await (await api(server.url, '/api/admin/booths', { token: server.adminToken })).json()) as BoothAdmin[];
    const tablets = Object.fromEntries(list.map((b) => [b.id, b.tablets.map((t) => `${t.name}${t.revokedAt ? ' (revoked)' : ''}`)]));
    expect(tablets).toEqual({ acme: ['Ada', 'Bo (revoked)'], globex: ['Gil'] });
    const text = JSON.stringify(list);
    for (const rep of server.store.state.reps.values()) expect(text).not.toContain(rep.tokenHash);
    expect(text).not.toContain('@example.com');
  });

  it('answers unknown or foreign ids with 404 and a sentence, and changes nothing', async () => {
    const ada = await connectRep(server.url, tokens.ada);
    const before = journalHash(server.dataDir);
    const cases: [string, string, string][] = [
      ['nope', 'rep-ada', 'That booth does not exist. Reload the page.'],
      ['acme', 'rep-nope', 'That tablet is not paired with this booth. Reload the page.'],
      ['acme', 'rep-gil', 'That tablet is not paired with this booth. Reload the page.'], // Globex's tablet
    ];
    for (const [boothId, repId, message] of cases) {
      const res = await revoke(boothId, repId);
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorJson).error).toEqual({ code: 'NOT_FOUND', message });
    }
    const unsigned = await revoke('acme', 'rep-ada', 'wrong-token');
    expect(unsigned.status).toBe(401);
    expect(journalHash(server.dataDir)).toBe(before);
    expect([...server.store.state.reps.values()].filter((r) => r.revokedAt)).toEqual([]);
    expect(await ask(ada, 'rep:load')).toMatchObject({ ok: true });
    expect(ada.connected).toBe(true);
  });

  it('records a second revocation of the same tablet as nothing new', async () => {
    expect((await revoke('acme', 'rep-ada')).status).toBe(200);
    const before = journalHash(server.dataDir);
    const again = await revoke('acme', 'rep-ada');
    expect(again.status).toBe(200);
    expect(((await again.json()) as BoothAdmin).tablets[0]).toMatchObject({ id: 'rep-ada', revokedAt: expect.any(String) });
    expect(journalHash(server.dataDir)).toBe(before);
  });
});
