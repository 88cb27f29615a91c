// The booth's day over real sockets: an interview's outcome on every tablet of the booth, a
// decline the phone explains, the booth's invitation reaching the phone live, the queue on a
// booth's page, and all of it back after a restart.
import { afterEach, describe, expect, it } from 'vitest';
import type { BoothPublic, RequestCard, StudentView } from '../../shared/protocol.ts';
import { actionId, ask, connectRep, connectStudent, disconnectAll, nextEvent, startServer, studentKey, tempDir, waitFor, type StudentClient, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair, SLOT_1320 } from './fixtures.ts';

const SLOT_1300 = '2026-03-12T12:00:00.000Z';
const DECLINED = 'ACME declined your request today, so you cannot ask them again. If they want to talk, they can invite you from their tablet.';

let server: TestServer | undefined;
afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

/** ACME with Ada's and Bo's tablets, a clock the test moves, and Sam's phone having shared with ACME. */
async function acmeDay(dataDir = tempDir()) {
  const clock = { now: FAIR_MORNING };
  server = await startServer({ now: () => clock.now, dataDir });
  const { booth, pair } = await setUpFair(server.store);
  await booth('acme', 'ACME', '12');
  const [ada, bo] = [await connectRep(server.url, await pair('acme', 'Ada')), await connectRep(server.url, await pair('acme', 'Bo'))];
  const phone = await connectStudent(server.url, studentKey());
  expect(await ask(phone, 'profile:save', SAM)).toMatchObject({ ok: true });
  expect(await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' })).toMatchObject({ ok: true });
  return { clock, ada, bo, phone, dataDir };
}

async function requestFrom(phone: StudentClient, note = 'Hello'): Promise<string> {
  const made = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note });
  if (!made.ok) throw new Error(made.error.message);
  return made.data.visits[0]!.requests.find((r) => r.note === note)!.id;
}

describe('interview outcomes', () => {
  it('reach the booth\'s other tablet once the time has come, and never the phone', async () => {
    const { clock, ada, bo, phone } = await acmeDay();
    const requestId = await requestFrom(phone);
    expect(await ask(ada, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 })).toMatchObject({ ok: true });
    const early = await ask(ada, 'request:outcome', { id: actionId(), requestId, outcome: 'attended', nextStep: '' });
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: "You can mark this once the interview's time has come, at 13:20." } });

    clock.now = new Date('2026-03-12T12:25:00Z');
    const onBo = nextEvent<RequestCard>(bo, 'request:changed');
    const phoneHeard: StudentView[] = [];
    phone.on('student:changed', (view) => phoneHeard.push(view));
    const id = actionId();
    const marked = await ask(ada, 'request:outcome', { id, requestId, outcome: 'noShow', nextStep: 'Send the job link' });
    expect(marked).toMatchObject({ ok: true, data: { outcome: 'noShow', nextStep: 'Send the job link' } });
    expect(await onBo).toMatchObject({ id: requestId, outcome: 'noShow', nextStep: 'Send the job link' });
    // The same action again: applied once.
    expect(await ask(ada, 'request:outcome', { id, requestId, outcome: 'noShow', nextStep: 'Send the job link' })).toMatchObject({ ok: true });
    expect([...server!.store.state.requests.values()].filter((r) => r.outcome)).toHaveLength(1);
    // A correction from the other tablet.
    expect(await ask(bo, 'request:outcome', { id: actionId(), requestId, outcome: 'attended', nextStep: '' })).toMatchObject({ ok: true, data: { outcome: 'attended' } });
    const mine = await ask(phone, 'student:load');
    expect(JSON.stringify(mine)).not.toMatch(/attended|noShow|job link|nextStep|outcome/);
    expect(JSON.stringify(phoneHeard)).not.toMatch(/attended|noShow|job link|nextStep|outcome/);
  });
});

describe('no pestering, and the booth\'s invitation', () => {
  it('refuses a re-ask after a decline with the sentence, and the invitation reaches the phone live', async () => {
    const { ada, bo, phone } = await acmeDay();
    const first = await requestFrom(phone);
    const toldPhone = nextEvent<StudentView>(phone, 'student:changed');
    expect(await ask(ada, 'request:decline', { id: actionId(), requestId: first, message: '' })).toMatchObject({ ok: true });
    expect((await toldPhone).visits[0]!.askRefused).toBe(DECLINED);
    for (let i = 0; i < 3; i++) {
      expect(await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: `again ${i}` })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: DECLINED } });
    }
    expect(server!.store.state.requests.size).toBe(1); // three re-asks, no new card

    const invitedOnPhone = nextEvent<StudentView>(phone, 'student:changed');
    const invitedOnBo = nextEvent<RequestCard>(bo, 'request:changed');
    const id = actionId();
    expect(await ask(ada, 'request:invite', { id, requestId: first })).toMatchObject({ ok: true, data: { id: first, status: 'declined', invitedAt: FAIR_MORNING.toISOString() } });
    const view = await invitedOnPhone;
    expect(view.visits[0]!.askRefused).toBeUndefined();
    expect(view.visits[0]!.requests[0]).toMatchObject({ id: first, invitedAt: FAIR_MORNING.toISOString() });
    expect(await invitedOnBo).toMatchObject({ id: first, invitedAt: FAIR_MORNING.toISOString() });
    // The same action again is answered, not applied again.
    expect(await ask(ada, 'request:invite', { id, requestId: first })).toMatchObject({ ok: true });
    expect(await ask(bo, 'request:invite', { id: actionId(), requestId: first })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await requestFrom(phone, 'Thanks for asking me back');
    expect(server!.store.state.requests.size).toBe(2);
  });
});

describe('the queue on a booth page', () => {
  it('reaches a phone looking at the booth live, and only when the figures change', async () => {
    const { ada, phone } = await acmeDay();
    const looker = await connectStudent(server!.url, studentKey());
    const page = await ask(looker, 'booth:get', { slug: 'acme' });
    expect(page).toMatchObject({ ok: true, data: { waiting: 0, nextSlot: SLOT_1300 } });
    const heard: BoothPublic[] = [];
    looker.on('booth:changed', (booth) => heard.push(booth));

    const requestId = await requestFrom(phone);
    await waitFor(() => heard.length === 1, undefined, 'the waiting count on the booth page');
    expect(heard[0]).toMatchObject({ waiting: 1, nextSlot: SLOT_1300 });
    // Ada takes 13:00; Bo still has it free, so the next free slot stays.
    expect(await ask(ada, 'request:accept', { id: actionId(), requestId, start: SLOT_1300 })).toMatchObject({ ok: true });
    await waitFor(() => heard.length === 2, undefined, 'the count going down');
    expect(heard[1]).toMatchObject({ waiting: 0, nextSlot: SLOT_1300 });
    // A change that moves neither figure tells the page nothing; a status change tells it everything.
    expect(await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: 'x' })).toMatchObject({ ok: false });
    const status = nextEvent<BoothPublic>(looker, 'booth:changed');
    expect(await ask(ada, 'booth:status', { id: actionId(), status: 'break' })).toMatchObject({ ok: true });
    expect(await status).toMatchObject({ status: 'break', waiting: 0, nextSlot: SLOT_1300 });
    expect(heard).toHaveLength(3);
  });
});

describe('a restart', () => {
  it('replays outcomes and invitations', async () => {
    const { clock, ada, phone, dataDir } = await acmeDay();
    const declined = await requestFrom(phone, 'one');
    expect(await ask(ada, 'request:decline', { id: actionId(), requestId: declined, message: '' })).toMatchObject({ ok: true });
    expect(await ask(ada, 'request:invite', { id: actionId(), requestId: declined })).toMatchObject({ ok: true });
    const booked = await requestFrom(phone, 'two');
    expect(await ask(ada, 'request:accept', { id: actionId(), requestId: booked, start: SLOT_1300 })).toMatchObject({ ok: true });
    clock.now = new Date('2026-03-12T12:05:00Z');
    expect(await ask(ada, 'request:outcome', { id: actionId(), requestId: booked, outcome: 'attended', nextStep: 'Meet the team' })).toMatchObject({ ok: true });
    disconnectAll();
    await server!.close();

    server = await startServer({ now: () => clock.now, dataDir });
    expect(server.store.state.requests.get(booked)).toMatchObject({ outcome: 'attended', nextStep: 'Meet the team' });
    expect(server.store.state.requests.get(declined)).toMatchObject({ status: 'declined', invitedAt: FAIR_MORNING.toISOString() });
  });
});
