import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { BoothPublic, Reply, RequestCard, StudentView, VisitorCard } from '../../shared/protocol.ts';
import {
  ACK_TIMEOUT_MS, actionId, ask, connectRep, connectStudent, eventWhere, nextEvent, studentKey, type TestServer,
} from '../helpers.ts';
import { everyCommit } from '../../server/store/store.ts';
import { SAM, SLOT_1320, startTwoBoothFair, stopServer } from './fixtures.ts';
import { stateJson } from '../stateJson.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };

beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

describe('scan → share → request → accept, live on every screen', () => {
  it('reaches both tablets of the booth and the phone', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const tabletA = await connectRep(server.url, tokens.ada);
    const tabletB = await connectRep(server.url, tokens.bo);

    const booth = await ask(phone, 'booth:get', { slug: 'acme' });
    expect(booth).toMatchObject({ ok: true, data: { employer: 'ACME', booth: '12', roles: ['Engineering'], reps: [{ name: 'Ada' }, { name: 'Bo' }] } });
    const first = await ask(phone, 'student:load');
    expect(first).toMatchObject({ ok: true, data: { profile: null, visits: [] } });
    expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });

    const visitorOnA = nextEvent<VisitorCard>(tabletA, 'visitor:changed');
    const visitorOnB = nextEvent<VisitorCard>(tabletB, 'visitor:changed');
    const shared = await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    expect(shared.ok && shared.data.visits.map((v) => v.booth.employer)).toEqual(['ACME']);
    for (const visitor of await Promise.all([visitorOnA, visitorOnB])) expect(visitor.student).toEqual(SAM);

    const requestOnB = nextEvent<RequestCard>(tabletB, 'request:changed');
    const asked = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: 'How do interns work on flight software?' });
    expect(asked.ok).toBe(true);
    const pending = await requestOnB;
    expect(pending).toMatchObject({ status: 'pending', note: 'How do interns work on flight software?', student: { name: 'Sam Lee' } });

    const slots = await ask(tabletA, 'request:slots', { requestId: pending.id });
    expect(slots.ok && slots.data.length).toBe(6);

    // Past one machine the phone may still hear its own request's push first.
    const phoneHears = eventWhere<StudentView>(phone, 'student:changed', (view) => view.visits[0]?.requests[0]?.status === 'accepted');
    const acceptedOnB = nextEvent<RequestCard>(tabletB, 'request:changed');
    const accepted = await ask(tabletA, 'request:accept', { id: actionId(), requestId: pending.id, start: SLOT_1320 });
    expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted', interviewer: { name: 'Ada' }, place: 'Booth 12' } });
    expect(await acceptedOnB).toMatchObject({ id: pending.id, status: 'accepted', slot: { start: SLOT_1320 } });
    const view = await phoneHears;
    expect(view.visits[0]!.requests[0]).toMatchObject({ status: 'accepted', slot: { start: SLOT_1320 }, interviewer: { name: 'Ada', email: 'ada@example.com' } });

    // A tablet that connects later loads the same lists.
    const late = await connectRep(server.url, tokens.bo);
    const loaded = await ask(late, 'rep:load');
    expect(loaded.ok && loaded.data.requests.map((r) => r.status)).toEqual(['accepted']);
    expect(loaded.ok && loaded.data.visitors.map((v) => v.student.name)).toEqual(['Sam Lee']);
  });

  it('tells the student a decline with the rep\'s message', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const tablet = await connectRep(server.url, tokens.ada);
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    const asked = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    const requestId = asked.ok ? asked.data.visits[0]!.requests[0]!.id : '';
    const phoneHears = eventWhere<StudentView>(phone, 'student:changed', (view) => view.visits[0]?.requests[0]?.status === 'declined');
    const declined = await ask(tablet, 'request:decline', { id: actionId(), requestId, message: 'Our slots are full — email us!' });
    expect(declined).toMatchObject({ ok: true, data: { status: 'declined' } });
    expect((await phoneHears).visits[0]!.requests[0]).toMatchObject({ status: 'declined', message: 'Our slots are full — email us!' });
  });

  it('a double tap of one action makes one request', async () => {
    const phone = await connectStudent(server.url, studentKey());
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    const id = actionId();
    const replies = await Promise.all([1, 2, 3].map(() => ask(phone, 'request:create', { id, slug: 'acme', note: '' })));
    expect(replies.map((r) => r.ok)).toEqual([true, true, true]);
    expect([...(await everyCommit(server.store)).requests.values()]).toHaveLength(1);
  });
});

describe("a student's phones", () => {
  it('the other tab hears a share live; the phone that shared has its view in the answer, once', async () => {
    const key = studentKey();
    const phone = await connectStudent(server.url, key);
    const otherTab = await connectStudent(server.url, key);
    expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
    const onOtherTab = eventWhere<StudentView>(otherTab, 'student:changed', (view) => view.visits.length === 1);
    const heardOnPhone: unknown[] = [];
    phone.on('student:changed', (view) => heardOnPhone.push(view));

    const shared = await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    expect(shared.ok && shared.data.visits.map((v) => v.booth.employer)).toEqual(['ACME']);
    expect((await onOtherTab).visits.map((v) => v.booth.employer)).toEqual(['ACME']);
    // A push sent to the phone before this round trip would reach it before the answer.
    await ask(phone, 'student:load');
    expect(heardOnPhone).toEqual([]);
  });
});

describe('bad input and wrong audiences', () => {
  it('answers a bad payload with a clear error, changes nothing and broadcasts nothing', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const tabletA = await connectRep(server.url, tokens.ada);
    const tabletB = await connectRep(server.url, tokens.bo);
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    // The tablet's push is in before anyone listens (past one machine it may come after the answer).
    const pushed = nextEvent(tabletB, 'request:changed');
    const asked = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    await pushed;
    const requestId = asked.ok ? asked.data.visits[0]!.requests[0]!.id : '';
    const saved = async () => ({ state: stateJson(await everyCommit(server.store)), records: await server.records() });
    const before = await saved();
    const heard: unknown[] = [];
    tabletB.onAny((...args) => heard.push(args));
    phone.onAny((...args) => heard.push(args));

    const bad: [string, unknown][] = [
      ['request:accept', { id: actionId(), requestId, start: 'half past one' }],
      ['request:accept', { id: actionId(), requestId }],
      ['request:accept', { id: actionId(), requestId, start: SLOT_1320, extra: 1 }],
      ['request:accept', 'not an object'],
      ['request:accept', { id: 'x', requestId, start: SLOT_1320 }],
      ['request:decline', { id: actionId(), requestId, message: 'x'.repeat(301) }],
      ['request:slots', { requestId: { $ne: null } }],
    ];
    for (const [event, payload] of bad) {
      // Sent untyped, as a hostile or outdated client would.
      const reply = (await (tabletA as unknown as Socket).timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Reply<unknown>;
      expect(reply, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      // A sentence for a person, not valibot's "Invalid type: Expected …".
      expect(!reply.ok && reply.error.message).toMatch(/^["A-Z].{10,}\.$/);
      expect(!reply.ok && reply.error.message).not.toMatch(/Invalid|Expected/);
    }
    const badProfile = await ask(phone, 'profile:save', JSON.parse(`{"name":"Sam","email":"not-an-email","__proto__":{"admin":true}}`));
    expect(badProfile).toMatchObject({ ok: false, error: { code: 'INVALID', fields: { email: 'Enter a valid email address, like sam@example.com.' } } });

    expect(await saved()).toEqual(before);
    // A later change the tablet hears, and a round trip of the phone's: a push of the bad inputs would have come before them.
    const later = nextEvent(tabletB, 'booth:changed');
    await ask(tabletA, 'booth:status', { id: actionId(), status: 'break' });
    await later;
    await ask(phone, 'student:load');
    expect(heard.map((args) => (args as unknown[])[0])).toEqual(['booth:changed']);
    // And the server still works.
    expect((await ask(tabletA, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 })).ok).toBe(true);
  });

  it('keeps a tablet to its own booth', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const otherBooth = await connectRep(server.url, tokens.gil);
    const heard: unknown[] = [];
    otherBooth.onAny((...args) => heard.push(args));
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    const requestId = [...(await everyCommit(server.store)).requests.keys()][0]!;
    const reply = await ask(otherBooth, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const view = await ask(otherBooth, 'rep:load');
    expect(view.ok && [view.data.visitors.length, view.data.requests.length]).toEqual([0, 0]);
    expect(heard).toEqual([]);
    expect((await everyCommit(server.store)).requests.get(requestId)!.status).toBe('pending');
  });

  it('refuses connections without a valid credential or from another origin', async () => {
    await expect(connectStudent(server.url, 'short')).rejects.toThrow('UNAUTHORIZED');
    await expect(connectRep(server.url, 'not-a-token')).rejects.toThrow('UNAUTHORIZED');
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
    const same = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: server.url } });
    expect(same.status).toBe(200);
  });
});

describe('booth status', () => {
  it('a tablet sets the booth full: the other tablet and the phone see it live, and new requests are refused', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const tabletA = await connectRep(server.url, tokens.ada);
    const tabletB = await connectRep(server.url, tokens.bo);
    await ask(phone, 'booth:get', { slug: 'acme' });
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });

    const onPhone = nextEvent<BoothPublic>(phone, 'booth:changed');
    const onTablet = nextEvent<BoothPublic>(tabletB, 'booth:changed');
    expect(await ask(tabletA, 'booth:status', { id: actionId(), status: 'full' })).toMatchObject({ ok: true, data: { status: 'full' } });
    expect((await onPhone).status).toBe('full');
    expect((await onTablet).status).toBe('full');

    const refused = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'ACME is not taking more interview requests today.' } });
    expect(await ask(tabletA, 'booth:status', { id: actionId(), status: 'closed' as 'open' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(await ask(tabletB, 'booth:status', { id: actionId(), status: 'open' })).toMatchObject({ ok: true, data: { status: 'open' } });
    expect((await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' })).ok).toBe(true);
  });
});
