// Past one machine: pushes to phones from two processes. Two processes change one request a
// moment apart and the first is slower to reach Redis: the phone must still end on the newest
// view, not on the one that arrived last. And a slot that starts, which every process's clock
// sees, is told to each phone once.
import { afterEach, describe, expect, it } from 'vitest';
import type { BoothPublic, StudentView } from '../../shared/protocol.ts';
import { actionId, ask, connectRep, connectStudent, disconnectAll, eventWhere, studentKey } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair, SLOT_1320 } from '../realtime/fixtures.ts';
import { newestBooths } from '../../client/pages/student/boothPushes.ts';
import { startCluster, type TestCluster } from './cluster.ts';
import { hasCluster } from './database.ts';

let cluster: TestCluster | undefined;
afterEach(async () => {
  disconnectAll();
  await cluster?.close();
});

const urlOf = (i: 0 | 1) => cluster!.processUrls[i];
const statusOf = (view: StudentView) => view.visits[0]?.requests[0]?.status;

/** Holds what one process publishes to the phones through Redis until `release()`. */
function holdPhonePushes(i: 0 | 1): { release(): void } {
  const adapter = cluster!.apps[i].io.of('/student').adapter as unknown as { doPublish(message: unknown): Promise<string> };
  const publish = adapter.doPublish.bind(adapter);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  adapter.doPublish = async (message) => {
    await released;
    return publish(message);
  };
  return { release };
}

describe.runIf(hasCluster)('pushes to a phone from two processes', () => {
  it('end on the newest view when the older one reaches Redis last', async () => {
    cluster = await startCluster({ now: () => FAIR_MORNING });
    const { booth, pair } = await setUpFair(cluster.store);
    await booth('acme', 'ACME', '12');
    const token = await pair('acme', 'Ada');
    const phone = await connectStudent(urlOf(0), studentKey());
    const tablet = await connectRep(urlOf(1), token);
    await ask(phone, 'profile:save', SAM);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    const asked = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: '' });
    const requestId = asked.ok ? asked.data.visits[0]!.requests[0]!.id : '';

    // The tablet's process accepts, and is slow to tell; the phone's process then takes the cancel.
    const slow = holdPhonePushes(1);
    expect(await ask(tablet, 'request:accept', { id: actionId(), requestId, start: SLOT_1320 })).toMatchObject({ ok: true });
    const cancelled = await ask(phone, 'request:cancel', { id: actionId(), requestId });
    expect(cancelled.ok && statusOf(cancelled.data)).toBe('cancelled');

    const afterRelease = eventWhere<StudentView>(phone, 'student:changed', () => true);
    slow.release();
    expect(statusOf(await afterRelease)).toBe('cancelled');
  });
});

describe.runIf(hasCluster)("a booth's page on phones past one machine", () => {
  it('hears a slot start once, from the process the phone is connected to', async () => {
    const clocks: [Date, Date] = [FAIR_MORNING, FAIR_MORNING];
    cluster = await startCluster({ clocks: [() => clocks[0], () => clocks[1]], expiryCheckMs: 20 });
    const { booth, pair } = await setUpFair(cluster.store);
    await booth('acme', 'ACME', '12');
    const tablet = await connectRep(urlOf(1), await pair('acme', 'Ada'));
    const [onA, onB] = [await connectStudent(urlOf(0), studentKey()), await connectStudent(urlOf(1), studentKey())];
    for (const phone of [onA, onB]) expect(await ask(phone, 'booth:get', { slug: 'acme' })).toMatchObject({ ok: true, data: { nextSlot: '2026-03-12T12:00:00.000Z' } });
    const heardOnA: BoothPublic[] = [];
    onA.on('booth:changed', (view) => heardOnA.push(view));

    // Each process's clock passes a slot's start, at a different moment, so each push is known by its next free slot.
    const fromA = eventWhere<BoothPublic>(onA, 'booth:changed', (view) => view.nextSlot === '2026-03-12T12:20:00.000Z');
    clocks[0] = new Date('2026-03-12T12:05:00Z');
    await fromA;
    const fromB = eventWhere<BoothPublic>(onB, 'booth:changed', (view) => view.nextSlot === '2026-03-12T12:40:00.000Z');
    clocks[1] = new Date('2026-03-12T12:25:00Z');
    await fromB;
    // A change on b after its clock's push: a push of b's clock to a's phone would have come before it.
    const onBreak = eventWhere<BoothPublic>(onA, 'booth:changed', (view) => view.status === 'break');
    expect(await ask(tablet, 'booth:status', { id: actionId(), status: 'break' })).toMatchObject({ ok: true });
    await onBreak;
    expect(heardOnA.map((view) => [view.status, view.nextSlot])).toEqual([['open', '2026-03-12T12:20:00.000Z'], ['break', '2026-03-12T12:40:00.000Z']]);
  });

  it('shows the newest of two changes to the booth made on two processes, when the older arrives last', async () => {
    cluster = await startCluster({ now: () => FAIR_MORNING });
    const { booth, pair } = await setUpFair(cluster.store);
    await booth('acme', 'ACME', '12');
    const [ada, bo] = [await connectRep(urlOf(1), await pair('acme', 'Ada')), await connectRep(urlOf(0), await pair('acme', 'Bo'))];
    const phone = await connectStudent(urlOf(0), studentKey());
    await ask(phone, 'booth:get', { slug: 'acme' });
    let shown: BoothPublic | undefined;
    phone.on('booth:changed', newestBooths((view) => (shown = view))); // the booth page's own code

    const slow = holdPhonePushes(1);
    expect(await ask(ada, 'booth:status', { id: actionId(), status: 'break' })).toMatchObject({ ok: true });
    const full = eventWhere<BoothPublic>(phone, 'booth:changed', (view) => view.status === 'full');
    expect(await ask(bo, 'booth:status', { id: actionId(), status: 'full' })).toMatchObject({ ok: true });
    await full;
    const late = eventWhere<BoothPublic>(phone, 'booth:changed', (view) => view.status === 'break');
    slow.release();
    await late;
    expect(shown?.status).toBe('full');
  });
});
