// The booth's work on its visitors, live: two tablets of ACME, Globex's tablet and phones on a real
// server. Notes, ratings and tags typed on one tablet reach the other; never another booth, never
// the phone. Walk-ups typed on the kiosk face are recorded once.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorCard } from '../../shared/protocol.ts';
import { actionId, ask, connectRep, connectStudent, nextEvent, studentKey, type RepClient, type StudentClient, type TestServer } from '../helpers.ts';
import { listen, SAM, startTwoBoothFair, stopServer } from './fixtures.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };
beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

/** One round trip: a push sent before it reaches the socket before its answer. */
const settle = (socket: Socket, event: 'rep:load' | 'student:load') => socket.timeout(30_000).emitWithAck(event);

const linesOf = async (type: string) => (await server.records()).filter((l) => l.includes(`"type":"${type}"`)).length;

/** Sam's phone, shared with both booths; the three tablets. */
async function fair(): Promise<{ phone: StudentClient; ada: RepClient; bo: RepClient; gil: RepClient; samAtAcme: string }> {
  const phone = await connectStudent(server.url, studentKey());
  await ask(phone, 'profile:save', SAM);
  await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
  // Its view comes in the answer: the phone that acted is not pushed it again.
  expect(await ask(phone, 'intro:share', { id: actionId(), slug: 'globex' })).toMatchObject({ ok: true, data: { visits: [{}, {}] } });
  const [ada, bo, gil] = [await connectRep(server.url, tokens.ada), await connectRep(server.url, tokens.bo), await connectRep(server.url, tokens.gil)];
  const loaded = await ask(ada, 'rep:load');
  return { phone, ada, bo, gil, samAtAcme: loaded.ok ? loaded.data.visitors[0]!.introductionId : '' };
}

describe('notes, rating and tags', () => {
  it('typed on one tablet reach the booth\'s other tablet live, and no other booth\'s tablet nor the phone', async () => {
    const { phone, ada, bo, gil, samAtAcme } = await fair();
    const onGlobex = listen(gil);
    const onPhone = listen(phone);
    const onBo = nextEvent<VisitorCard>(bo, 'visitor:changed');
    const noted = await ask(ada, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: 'Knows Kalman filters', rating: 3, tags: ['intern'] });
    expect(noted).toMatchObject({ ok: true, data: { introductionId: samAtAcme, assessment: { notes: 'Knows Kalman filters', rating: 3, tags: ['intern'], by: 'Ada' } } });
    expect((await onBo).assessment).toMatchObject({ notes: 'Knows Kalman filters', rating: 3, tags: ['intern'], by: 'Ada' });

    await Promise.all([settle(gil, 'rep:load'), settle(phone, 'student:load')]);
    expect(onGlobex.join('\n')).not.toMatch(/Kalman|visitor:changed/);
    expect(onPhone).toEqual([]);
    const globexView = await ask(gil, 'rep:load');
    const samView = await ask(phone, 'student:load');
    for (const view of [globexView, samView]) expect(JSON.stringify(view)).not.toMatch(/Kalman|"assessment"|"rating"/);
  });

  it('a tablet that was away gets the changed visitor in its catch-up, not a reload', async () => {
    const { ada, bo, samAtAcme } = await fair();
    const before = await ask(bo, 'rep:load');
    if (!before.ok) throw new Error(before.error.message);
    bo.disconnect();
    await ask(ada, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: 'Call back at 3', rating: 0, tags: [] });
    const back = await connectRep(server.url, tokens.bo);
    const caughtUp = await ask(back, 'rep:sync', { since: before.data.seq, epoch: before.data.epoch });
    expect(caughtUp).toMatchObject({ ok: true, data: { full: false, seq: before.data.seq + 1 } });
    expect(caughtUp.ok && caughtUp.data.visitors.map((v) => v.assessment?.notes)).toEqual(['Call back at 3']);
  });

  it('refuses a tag the booth does not have, naming it; a new list reaches the booth\'s tablets only', async () => {
    const { ada, bo, gil, samAtAcme } = await fair();
    const refused = await ask(ada, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: '', rating: 0, tags: ['robotics'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID', message: expect.stringMatching(/^"robotics" is not one of this booth's tags\./) } });

    const onGlobex = listen(gil);
    const onBo = nextEvent<string[]>(bo, 'tags:changed');
    expect(await ask(ada, 'booth:tags', { id: actionId(), tags: ['intern', 'robotics', 'Robotics'] })).toEqual({ ok: true, data: ['intern', 'robotics'] });
    expect(await onBo).toEqual(['intern', 'robotics']);
    expect(await ask(ada, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: '', rating: 0, tags: ['robotics'] })).toMatchObject({ ok: true });
    await settle(gil, 'rep:load');
    expect(onGlobex).toEqual([]);
    const loaded = await ask(gil, 'rep:load');
    expect(loaded.ok && loaded.data.tags).toEqual(['intern', 'graduate', 'follow up']);
  });

  it('refuses another booth\'s visitor, and the same action sent twice is applied once', async () => {
    const { ada, gil, samAtAcme } = await fair();
    const foreign = await ask(gil, 'visitor:note', { id: actionId(), introductionId: samAtAcme, notes: 'x', rating: 1, tags: [] });
    const none = await ask(gil, 'visitor:note', { id: actionId(), introductionId: 'globex:nobody', notes: 'x', rating: 1, tags: [] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(foreign).toEqual(none);

    const note = { id: actionId(), introductionId: samAtAcme, notes: 'Once', rating: 2 as const, tags: [] };
    const replies = await Promise.all([ask(ada, 'visitor:note', note), ask(ada, 'visitor:note', note)]);
    expect(replies.map((r) => r.ok)).toEqual([true, true]);
    expect(await linesOf('introduction.noted')).toBe(1);
  });
});

describe('a walk-up visitor typed on the kiosk face', () => {
  it('is recorded for the booth, shown on its tablets as walk-up, and typed again is the same visitor', async () => {
    const ada = await connectRep(server.url, tokens.ada);
    const bo = await connectRep(server.url, tokens.bo);
    const gil = await connectRep(server.url, tokens.gil);
    const onGlobex = listen(gil);
    const onBo = nextEvent<VisitorCard>(bo, 'visitor:changed');
    const typed = { id: actionId(), name: 'Jo Park', email: 'jo@example.com', phone: '+49 30 555 0101', consent: true as const };
    expect(await ask(ada, 'visitor:walkUp', typed)).toEqual({ ok: true, data: { name: 'Jo Park' } });
    expect(await onBo).toMatchObject({ walkUp: true, student: { name: 'Jo Park', email: 'jo@example.com', phone: '+49 30 555 0101' } });
    expect(await ask(ada, 'visitor:walkUp', typed)).toEqual({ ok: true, data: { name: 'Jo Park' } }); // the same action again

    // Typed again later by someone else: kindly told, and the visitor kept is not renamed.
    const again = await ask(bo, 'visitor:walkUp', { id: actionId(), name: 'Mallory', email: 'JO@example.com', consent: true });
    expect(again).toEqual({ ok: true, data: { name: 'Mallory', alreadyRecorded: true } });
    const loaded = await ask(bo, 'rep:load');
    expect(loaded.ok && loaded.data.visitors.map((v) => [v.student.name, v.walkUp])).toEqual([['Jo Park', true]]);
    expect(await linesOf('introduction.made')).toBe(1);
    await settle(gil, 'rep:load');
    expect(onGlobex).toEqual([]);
  });

  it('gets the phone form\'s sentences for bad input, and without the ticked box nothing is kept', async () => {
    const ada = await connectRep(server.url, tokens.ada);
    const before = await server.records();
    const badEmail = await ask(ada, 'visitor:walkUp', { id: actionId(), name: 'Jo', email: 'jo@', consent: true });
    expect(badEmail).toMatchObject({ ok: false, error: { code: 'INVALID', fields: { email: 'Enter a valid email address, like sam@example.com.' } } });
    const noConsent = await ask(ada, 'visitor:walkUp', { id: actionId(), name: 'Jo', email: 'jo@example.com', consent: false } as never);
    expect(noConsent).toMatchObject({ ok: false, error: { code: 'INVALID', message: 'Tick the box to agree that this booth keeps your name and email.' } });
    expect(await server.records()).toEqual(before);
  });
});
