// Nothing about a student reaches a booth without that student's consent to that booth: not its
// tablets' live pushes, not their loads and catch-ups, not a request's slots. Every payload the
// other booth's tablet receives is serialised and searched for the student's name and email.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionId, ask, connectRep, connectStudent, nextEvent, studentKey, waitFor, type RepClient, type TestServer } from '../helpers.ts';
import { SAM, SLOT_1320, startTwoBoothFair, stopServer } from '../realtime/fixtures.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };

beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

const SAMS = [SAM.name, SAM.email, SAM.phone];

/** Every push a tablet receives, as JSON text. */
function recordPushes(tablet: RepClient): string[] {
  const seen: string[] = [];
  tablet.onAny((event: string, ...args: unknown[]) => seen.push(JSON.stringify([event, ...args])));
  return seen;
}

describe('consent per booth', () => {
  it('a student who shared with ACME but not Globex never shows on Globex\'s tablet, live or loaded', async () => {
    const acme = await connectRep(server.url, tokens.ada);
    const globex = await connectRep(server.url, tokens.gil);
    const acmeSaw = recordPushes(acme);
    const globexSaw = recordPushes(globex);

    const phone = await connectStudent(server.url, studentKey());
    await ask(phone, 'booth:get', { slug: 'globex' }); // looked at Globex's booth page, shared nothing
    expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
    expect(await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' })).toMatchObject({ ok: true });
    const refused = await ask(phone, 'request:create', { id: actionId(), slug: 'globex', note: 'Hi' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } }); // no request without consent
    const asked = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: 'Flight software?' });
    const requestId = asked.ok ? asked.data.visits[0]!.requests[0]!.id : '';
    const accepted = nextEvent(acme, 'request:changed');
    expect(await ask(acme, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 })).toMatchObject({ ok: true });
    await accepted;
    expect(await ask(phone, 'profile:save', { ...SAM, interests: 'Rockets' })).toMatchObject({ ok: true });

    // The consenting booth got the student (the control: the search below can find something).
    await waitFor(() => acmeSaw.some((p) => p.includes(SAM.email)), 2000, 'ACME to hear of Sam');
    // Globex: not in any push, nor in what its tablet loads or catches up on, nor via the request.
    const loaded = await ask(globex, 'rep:load');
    const synced = await ask(globex, 'rep:sync', { since: 0, epoch: '' });
    const slots = await ask(globex, 'request:slots', { requestId });
    expect(slots).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const decided = await ask(globex, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 });
    expect(decided.ok).toBe(false);
    const globexText = [...globexSaw, JSON.stringify(loaded), JSON.stringify(synced), JSON.stringify(decided)].join('\n');
    for (const secret of SAMS) expect(globexText).not.toContain(secret);
    expect(loaded.ok && loaded.data.visitors).toEqual([]);
  });

  it('shares only the fields filled in at the time of consent with that booth', async () => {
    const acme = await connectRep(server.url, tokens.ada);
    const phone = await connectStudent(server.url, studentKey());
    await ask(phone, 'profile:save', { ...SAM, phone: '' });
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    await ask(phone, 'profile:save', SAM); // the phone number comes later
    const loaded = await ask(acme, 'rep:load');
    expect(JSON.stringify(loaded)).toContain(SAM.email);
    expect(JSON.stringify(loaded)).not.toContain(SAM.phone);
  });
});
