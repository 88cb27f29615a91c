// Node stand-ins for a phone and a tablet on bad Wi-Fi, built on the browser's own code: the
// outbox (client/lib/outbox.ts) and the tablet's booth feed (client/pages/rep/feed.ts). Only the
// screen is missing; socket.io-client reconnects with backoff as in the browser.
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import type { RequestCard, StudentClientEvents, StudentView, VisitorCard, RepClientEvents, Reply } from '../../../shared/protocol.ts';
import { makeOutbox, type KeyValueStore, type Queued } from '../../../client/lib/outbox.ts';
import { call, type Act, type RepSocket, type StudentSocket } from '../../../client/lib/socket.ts';
import { followBooth } from '../../../client/pages/rep/feed.ts';
import { studentKey, withVersion } from '../../helpers.ts';

/** localStorage for one device: survives the device's "reloads" (a new outbox on the same store). */
export function memoryStorage(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

export const FLAKY_SOCKET: Partial<ManagerOptions & SocketOptions> = {
  transports: ['websocket'], forceNew: true, reconnectionDelay: 20, reconnectionDelayMax: 200,
};
const ACK_TIMEOUT_MS = 2000;

export interface Answer { item: Queued; reply: Reply<unknown> }

export interface Device {
  label: string;
  socket: StudentSocket | RepSocket;
  outbox: { items(): readonly Queued[] };
  answers: Answer[];
  close(): void;
}

export interface Phone extends Device {
  socket: StudentSocket;
  act: Act<StudentClientEvents>;
  view(): StudentView | undefined;
  /** Notes of the requests this phone asked for, in order. */
  asked: string[];
}

export function makePhone(url: string, label: string): Phone {
  const socket: StudentSocket = io(`${url}/student`, { ...FLAKY_SOCKET, auth: withVersion({ key: studentKey() }) });
  let view: StudentView | undefined;
  const answers: Answer[] = [];
  const outbox = makeOutbox(socket, {
    key: 'outbox', storage: memoryStorage(), ackTimeoutMs: ACK_TIMEOUT_MS,
    onAnswer: (item, reply) => {
      answers.push({ item, reply });
      if (reply.ok) view = reply.data as StudentView;
    },
  });
  // As the browser session: the whole view again on every (re)connect, and each push.
  socket.on('connect', async () => {
    const reply = await call(socket, 'student:load');
    if (reply.ok) view = reply.data;
  });
  socket.on('student:changed', (next) => (view = next));
  return { label, socket, outbox, answers, asked: [], act: outbox.act as Act<StudentClientEvents>, view: () => view, close: () => socket.disconnect() };
}

export interface Tablet extends Device {
  socket: RepSocket;
  requests: Map<string, RequestCard>;
  visitors: Map<string, VisitorCard>;
  seq(): number;
  /** Every booth number this tablet took in, from pushes and from syncs, in arrival order. */
  log: FeedEntry[];
}

/** A push (`what` names the change), a sync answer (everything up to n), or a mark the test left. */
export type FeedEntry = { via: 'push'; n: number; what: string } | { via: 'sync'; n: number } | { via: 'mark'; n: number };

/**
 * A rep's tablet that declines the pending requests it owns (`owns`), once each, as a rep would
 * tap Decline on a card, and then invites the student again (after a decline a student may ask the
 * booth again only once it invites them). Two tablets of a booth own different requests, so
 * neither is refused.
 */
export function makeTablet(url: string, label: string, token: string, owns: (card: RequestCard) => boolean): Tablet {
  const socket: RepSocket = io(`${url}/rep`, { ...FLAKY_SOCKET, auth: withVersion({ token }) });
  const requests = new Map<string, RequestCard>();
  const visitors = new Map<string, VisitorCard>();
  const answers: Answer[] = [];
  const log: FeedEntry[] = [];
  const decided = new Set<string>();
  const invited = new Set<string>();
  const outbox = makeOutbox(socket, {
    key: 'outbox', storage: memoryStorage(), ackTimeoutMs: ACK_TIMEOUT_MS,
    onAnswer: (item, reply) => answers.push({ item, reply }),
  });
  const act = outbox.act as Act<RepClientEvents>;
  const seeRequest = (card: RequestCard) => {
    requests.set(card.id, card);
    if (card.status === 'declined' && owns(card) && !card.invitedAt && !invited.has(card.id)) {
      invited.add(card.id);
      void act('request:invite', { requestId: card.id });
    }
    if (card.status !== 'pending' || !owns(card) || decided.has(card.id)) return;
    decided.add(card.id);
    void act('request:decline', { requestId: card.id, message: '' });
  };
  const feed = followBooth(socket, {
    synced(view) {
      log.push({ via: 'sync', n: view.seq });
      if (view.full) [requests, visitors].forEach((m) => m.clear());
      view.visitors.forEach((v) => visitors.set(v.introductionId, v));
      view.requests.forEach(seeRequest);
    },
    request: seeRequest,
    visitor: (v) => visitors.set(v.introductionId, v),
    booth: () => {},
    refused: (error) => answers.push({ item: { id: '-', event: 'rep:sync', input: {} }, reply: { ok: false, error } }),
  });
  socket.on('request:changed', (card, n) => log.push({ via: 'push', n, what: `request ${card.id} ${card.status}` }));
  socket.on('visitor:changed', (card, n) => log.push({ via: 'push', n, what: `visitor ${card.introductionId}` }));
  socket.on('booth:changed', (booth, n) => log.push({ via: 'push', n, what: `booth ${booth.status} ${booth.reps.length}` }));
  return { label, socket, outbox, answers, requests, visitors, log, seq: feed.seq, close: () => socket.disconnect() };
}
