// The booth's live state on a tablet: synced on every (re)connect, then merged push by push
// (feed.ts keeps the order); actions go through the outbox, so none is lost to a dropped link.
import { createSignal, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { BoothPublic, RepClientEvents, RepSelf, Reply, RequestCard, VisitorCard } from '../../../shared/protocol.ts';
import { call, closeSocket, connectRep, type Act } from '../../lib/socket.ts';
import { randomId } from '../../lib/ids.ts';
import { trackConnection } from '../../lib/connection.ts';
import { makeOutbox, type Queued } from '../../lib/outbox.ts';
import { chime } from './chime.ts';
import { followBooth } from './feed.ts';
import { compareInstants } from '../../../shared/time.ts';

const NOT_PAIRED = /unauthori[sz]ed|forbidden|revoked|token/i;

/** Pending first, then newest first — the order the server sends. */
function sortRequests(list: RequestCard[]): RequestCard[] {
  const rank = (r: RequestCard) => (r.status === 'pending' ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || compareInstants(b.createdAt, a.createdAt));
}

const sortVisitors = (list: VisitorCard[]) => [...list].sort((a, b) => compareInstants(b.sharedAt, a.sharedAt));

/** `onUnauthorized` gets the server's sentence when it gave one (a revoked tablet's, say). */
export function createRepSession(token: string, onUnauthorized: (message?: string) => void) {
  const socket = connectRep(token);
  const [rep, setRep] = createSignal<RepSelf>();
  const [booth, setBooth] = createSignal<BoothPublic>();
  // A store reconciled by id: a changed card keeps its identity, so <For> keeps its component and
  // whatever the rep has open on it (a note being typed, a picker) survives another tablet's push.
  const [lists, setLists] = createStore({ visitors: [] as VisitorCard[], requests: [] as RequestCard[] });
  const visitors = () => lists.visitors;
  const requests = () => lists.requests;
  const setVisitors = (next: VisitorCard[] | ((list: VisitorCard[]) => VisitorCard[])) =>
    setLists('visitors', reconcile(typeof next === 'function' ? next(lists.visitors) : next, { key: 'introductionId' }));
  const setRequests = (next: RequestCard[] | ((list: RequestCard[]) => RequestCard[])) =>
    setLists('requests', reconcile(typeof next === 'function' ? next(lists.requests) : next, { key: 'id' }));
  const [tags, setTags] = createSignal<string[]>([]);
  const [hasPin, setHasPin] = createSignal(true);
  const [loadError, setLoadError] = createSignal('');
  const [pending, setPending] = createSignal<readonly Queued[]>([]);
  const [notice, setNotice] = createSignal('');
  // Ids that arrived live (not in the first load): their cards get the highlight.
  const [fresh, setFresh] = createSignal<ReadonlySet<string>>(new Set());
  const markFresh = (id: string) => setFresh((ids) => new Set(ids).add(id));

  const mergeRequest = (card: RequestCard) =>
    setRequests((list) => sortRequests([card, ...list.filter((r) => r.id !== card.id)]));
  const mergeVisitor = (visitor: VisitorCard) =>
    setVisitors((list) => sortVisitors([visitor, ...list.filter((v) => v.introductionId !== visitor.introductionId)]));
  // 'visitor:changed' carries new visitors and changed ones (a note, a referral): only new ones get the highlight.
  const newVisitor = (visitor: VisitorCard) => {
    const known = visitors().some((v) => v.introductionId === visitor.introductionId);
    mergeVisitor(visitor);
    if (!known) markFresh(visitor.introductionId);
  };
  const newRequest = (card: RequestCard) => {
    const known = requests().some((r) => r.id === card.id);
    mergeRequest(card);
    if (!known) {
      markFresh(card.id);
      chime();
    }
  };

  const outbox = makeOutbox(socket, {
    key: `boothlink.outbox.rep.${token.slice(0, 8)}`,
    onChange: setPending,
    onAnswer: (item, reply, orphan) => {
      if (reply.ok) merge(item.event, reply.data);
      // An action restored after a reload has no form on screen to show its refusal.
      if (orphan) setNotice(reply.ok ? '' : reply.error.message);
    },
  });
  setPending(outbox.items());

  /** An accepted action's answer, merged at once (the push that follows says the same). */
  function merge(event: string, data: unknown): void {
    if (event === 'booth:status') setBooth(data as BoothPublic);
    else if (event === 'booth:tags') setTags(data as string[]);
    else if (event === 'visitor:note' || event === 'visitor:refer') mergeVisitor(data as VisitorCard);
    else if (event.startsWith('request:')) mergeRequest(data as RequestCard);
    // 'visitor:walkUp' answers only the name; the new card arrives as a push.
  }

  followBooth(socket, {
    synced(view) {
      setLoadError('');
      setRep(view.rep);
      setBooth(view.booth);
      setTags(view.tags);
      setHasPin(view.hasPin);
      if (view.full) {
        setVisitors(sortVisitors(view.visitors));
        setRequests(sortRequests(view.requests));
        return;
      }
      view.visitors.forEach(newVisitor);
      view.requests.forEach(newRequest);
    },
    request: newRequest,
    visitor: newVisitor,
    booth: setBooth,
    tags: setTags,
    refused: (error) => {
      setLoadError(error.message);
      onUnauthorized();
    },
  });
  const connection = trackConnection(socket, () => {});
  socket.on('connect_error', (err) => {
    const data = (err as Error & { data?: { code?: string; message?: string } }).data;
    if (NOT_PAIRED.test(err.message) || data?.code === 'UNAUTHORIZED' || data?.code === 'FORBIDDEN') onUnauthorized(data?.message);
  });
  onCleanup(() => closeSocket(socket));

  return {
    socket, connection, rep, booth, visitors, requests, tags, hasPin, loadError, fresh, pending, notice,
    act: outbox.act as Act<RepClientEvents>,
    /** The action waiting to be sent for this request, if any. */
    queued: (requestId: string) => pending().find((item) => item.input.requestId === requestId),
    /** The visitor card of the student who made a request (a request card reaches its notes this way). */
    visitorOf: (studentId: string) => visitors().find((v) => v.studentId === studentId),
    /** Asked live, never queued: the rep stands at the tablet waiting for the answer. */
    unlock: (pin: string) => call(socket, 'rep:unlock', { pin }),
    booths: () => call(socket, 'rep:booths'),
    /** Live too: the token must stop working on the server before the tablet forgets it. */
    signOut: (): Promise<Reply<{ signedOut: true }>> => call(socket, 'rep:signOut', { id: randomId() }),
  };
}

export type RepSession = ReturnType<typeof createRepSession>;
