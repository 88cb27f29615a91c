// Conflicting commands sent at the same moment: the server decides them one at a time, so exactly
// one wins and every loser is told, in a sentence, who or what got there first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply, RequestCard, StudentView } from '../../shared/protocol.ts';
import { actionId, ask, connectRep, connectStudent, nextEvent, studentKey, type RepClient, type StudentClient, type TestServer } from '../helpers.ts';
import { everyCommit } from '../../server/store/store.ts';
import { followBooth } from '../../client/pages/rep/feed.ts';
import { SAM, SLOT_1320, startTwoBoothFair, stopServer } from './fixtures.ts';

let server: TestServer;
let tokens: { ada: string; bo: string; gil: string };

beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(() => stopServer(server));

/** A student who shared with the booths and asked each for an interview; returns the request ids by slug. */
async function asking(phone: StudentClient, name: string, slugs: string[]): Promise<Record<string, string>> {
  await ask(phone, 'profile:save', { ...SAM, name, email: `${name.split(' ')[0]!.toLowerCase()}@uni.example` });
  const ids: Record<string, string> = {};
  for (const slug of slugs) {
    await ask(phone, 'intro:share', { id: actionId(), slug });
    const reply = await ask(phone, 'request:create', { id: actionId(), slug, note: '' });
    if (!reply.ok) throw new Error(reply.error.message);
    ids[slug] = reply.data.visits.find((v) => v.booth.slug === slug)!.requests[0]!.id;
  }
  return ids;
}

const accept = (tablet: RepClient, requestId: string, start = SLOT_1320) =>
  ask(tablet, 'request:accept', { id: actionId(), requestId, start });
const oks = (replies: { ok: boolean }[]) => replies.filter((r) => r.ok).length;
const messages = (replies: Awaited<ReturnType<typeof accept>>[]) => new Set(replies.flatMap((r) => (r.ok ? [] : [r.error.message])));
/** Past one machine, once the first process has every commit. */
const acceptedEvents = async () => [...(await everyCommit(server.store)).requests.values()].filter((r) => r.status === 'accepted');

describe('races decided by the server, one command at a time', () => {
  it('200 accepts of one request from two tablets: one wins, 199 hear who took it and when', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const { acme: requestId } = await asking(phone, 'Sam Lee', ['acme']);
    const [ada, bo] = [await connectRep(server.url, tokens.ada), await connectRep(server.url, tokens.bo)];
    const heard: RequestCard[] = [];
    bo.on('request:changed', (card) => heard.push(card));

    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => accept(i % 2 ? ada : bo, requestId!)));
    expect(oks(replies)).toBe(1);
    const winner = replies.find((r) => r.ok);
    const name = winner?.ok ? winner.data.interviewer!.name : '';
    expect(messages(replies)).toEqual(new Set([`Already accepted by ${name} for 13:20.`]));
    expect(await acceptedEvents()).toHaveLength(1);
    // A later change the same tablet hears: any push of the 200 accepts would have come before it.
    const later = nextEvent(bo, 'booth:changed');
    await ask(ada, 'booth:status', { id: actionId(), status: 'break' });
    await later;
    expect(heard.map((c) => c.status)).toEqual(['accepted']); // one effect, one push
  });

  it('concurrent bookings that would double-book a student across booths: exactly one', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const ids = await asking(phone, 'Sam Lee', ['acme', 'globex']);
    const [ada, gil] = [await connectRep(server.url, tokens.ada), await connectRep(server.url, tokens.gil)];

    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? accept(ada, ids.acme!) : accept(gil, ids.globex!))));
    expect(oks(replies)).toBe(1);
    const won = await acceptedEvents();
    expect(won).toHaveLength(1);
    const [winnerBooth, otherBooth] = won[0]!.boothId === 'acme' ? ['ACME', 'Globex'] : ['Globex', 'ACME'];
    const winnerRep = winnerBooth === 'ACME' ? 'Ada' : 'Gil';
    expect(messages(replies)).toEqual(new Set([
      `Already accepted by ${winnerRep} for 13:20.`,
      'Sam Lee is not free at 13:20. Next free slot: 13:40.',
    ]));
    const view = await ask(phone, 'student:load');
    const statuses = view.ok ? view.data.visits.map((v) => [v.booth.employer, v.requests[0]!.status]) : [];
    expect(Object.fromEntries(statuses)).toEqual({ [winnerBooth]: 'accepted', [otherBooth]: 'pending' });
  });

  it('two requests for the same slot of one rep: exactly one, from any of the rep\'s screens', async () => {
    const sam = await asking(await connectStudent(server.url, studentKey()), 'Sam Lee', ['acme']);
    const kim = await asking(await connectStudent(server.url, studentKey()), 'Kim Park', ['acme']);
    const [first, second] = [await connectRep(server.url, tokens.ada), await connectRep(server.url, tokens.ada)];
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? accept(first, sam.acme!) : accept(second, kim.acme!))));
    expect(oks(replies)).toBe(1);
    expect(await acceptedEvents()).toHaveLength(1);
    const loserName = (await acceptedEvents())[0]!.id === sam.acme ? 'Kim Park' : 'Sam Lee';
    expect(messages(replies)).toEqual(new Set(['Already accepted by Ada for 13:20.', 'You already have an interview at 13:20. Next free slot: 13:40.']));
    expect((await everyCommit(server.store)).requests.get(loserName === 'Kim Park' ? kim.acme! : sam.acme!)!.status).toBe('pending');
  });

  it('a student cancels while a rep accepts: one outcome, the same on the phone, the tablet and the server', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const tablet = await connectRep(server.url, tokens.ada);
    const lastOnTablet = new Map<string, RequestCard>();
    // The tablet's own feed code: past one machine the pushes of two processes may cross, and their numbers put them right.
    const see = (card: RequestCard) => lastOnTablet.set(card.id, card);
    followBooth(tablet, { synced: (view) => view.requests.forEach(see), request: see, visitor: () => {}, booth: () => {}, refused: () => {} });
    // As the phone's own session keeps it: each push, and the view in the answer to each of its actions.
    let lastOnPhone: StudentView | undefined;
    phone.on('student:changed', (view) => (lastOnPhone = view));
    const kept = (reply: Reply<StudentView>) => (reply.ok && (lastOnPhone = reply.data), reply);
    await asking(phone, 'Sam Lee', []);
    await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
    const orders = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const made = await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: `round ${round}` });
      const requestId = made.ok ? made.data.visits[0]!.requests.find((r) => r.note === `round ${round}`)!.id : '';
      const [cancelled, accepted] = await Promise.all([
        ask(phone, 'request:cancel', { id: actionId(), requestId }).then(kept),
        accept(tablet, requestId, ['2026-03-12T12:00:00.000Z', SLOT_1320][round % 2]),
      ]);
      // Either order is one consistent story: accepted then cancelled, or cancelled and the accept refused.
      expect(cancelled.ok).toBe(true);
      if (!accepted.ok) expect(accepted.error.message).toBe('The student cancelled this request.');
      orders.add(accepted.ok ? 'accept first' : 'cancel first');
      const truth = (await everyCommit(server.store)).requests.get(requestId)!;
      expect(truth.status).toBe('cancelled');
      await expect.poll(() => lastOnTablet.get(requestId)?.status).toBe('cancelled');
      await expect.poll(() => lastOnPhone?.visits[0]?.requests.find((r) => r.id === requestId)?.status).toBe('cancelled');
      const loaded = await ask(tablet, 'rep:load');
      expect(loaded.ok && loaded.data.requests.find((r) => r.id === requestId)?.status).toBe('cancelled');
      // A second cancel would close the booth to this student for the day: the booth asks them back.
      expect(await ask(tablet, 'request:invite', { id: actionId(), requestId })).toMatchObject({ ok: true });
    }
    expect([...orders].every((o) => o === 'accept first' || o === 'cancel first')).toBe(true);
  });

  it('a student confirms a proposed time while another booth books them then: exactly one', async () => {
    const phone = await connectStudent(server.url, studentKey());
    const ids = await asking(phone, 'Sam Lee', ['acme', 'globex']);
    const [ada, gil] = [await connectRep(server.url, tokens.ada), await connectRep(server.url, tokens.gil)];
    expect((await ask(ada, 'request:propose', { id: actionId(), requestId: ids.acme!, start: SLOT_1320 })).ok).toBe(true);
    const [confirmed, booked] = await Promise.all([
      ask(phone, 'proposal:confirm', { id: actionId(), requestId: ids.acme! }),
      accept(gil, ids.globex!),
    ]);
    expect(oks([confirmed, booked])).toBe(1);
    expect(await acceptedEvents()).toHaveLength(1);
    const loser = confirmed.ok ? booked : confirmed;
    expect(!loser.ok && loser.error.message).toMatch(
      confirmed.ok ? /^Sam Lee is not free at 13:20\./ : /^You already have an interview at 13:20 with Globex\./,
    );
  });
});
