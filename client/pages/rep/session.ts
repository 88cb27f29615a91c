// The booth's live state on a tablet: reloaded whole on every (re)connect, then merged push by push.
import { createSignal, onCleanup } from 'solid-js';
import type { BoothPublic, RepSelf, RequestCard, VisitorCard } from '../../../shared/protocol.ts';
import { call, connectRep } from '../../lib/socket.ts';
import { trackConnection } from '../../lib/connection.ts';
import { chime } from './chime.ts';

const NOT_PAIRED = /unauthori[sz]ed|forbidden|revoked|token/i;

/** Pending first, then newest first — the order the server sends. */
export function sortRequests(list: RequestCard[]): RequestCard[] {
  const rank = (r: RequestCard) => (r.status === 'pending' ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

const sortVisitors = (list: VisitorCard[]) => [...list].sort((a, b) => b.sharedAt.localeCompare(a.sharedAt));

export function createRepSession(token: string, onUnauthorized: () => void) {
  const socket = connectRep(token);
  const [rep, setRep] = createSignal<RepSelf>();
  const [booth, setBooth] = createSignal<BoothPublic>();
  const [visitors, setVisitors] = createSignal<VisitorCard[]>([]);
  const [requests, setRequests] = createSignal<RequestCard[]>([]);
  const [loadError, setLoadError] = createSignal('');
  // Ids that arrived live (not in a load): their cards get the highlight.
  const [fresh, setFresh] = createSignal<ReadonlySet<string>>(new Set());
  const markFresh = (id: string) => setFresh((ids) => new Set(ids).add(id));

  const connection = trackConnection(socket, async () => {
    const reply = await call(socket, 'rep:load');
    setLoadError(reply.ok ? '' : reply.error.message);
    if (!reply.ok && reply.error.code === 'UNAUTHORIZED') onUnauthorized();
    if (!reply.ok) return;
    setRep(reply.data.rep);
    setBooth(reply.data.booth);
    setVisitors(sortVisitors(reply.data.visitors));
    setRequests(sortRequests(reply.data.requests));
  });
  socket.on('connect_error', (err) => {
    const code = (err as Error & { data?: { code?: string } }).data?.code;
    if (NOT_PAIRED.test(err.message) || code === 'UNAUTHORIZED' || code === 'FORBIDDEN') onUnauthorized();
  });
  socket.on('booth:changed', (next) => setBooth(next));
  socket.on('visitor:added', (visitor) => {
    setVisitors((list) => sortVisitors([visitor, ...list.filter((v) => v.introductionId !== visitor.introductionId)]));
    markFresh(visitor.introductionId);
  });
  const mergeRequest = (card: RequestCard) =>
    setRequests((list) => sortRequests([card, ...list.filter((r) => r.id !== card.id)]));
  socket.on('request:changed', (card) => {
    const known = requests().some((r) => r.id === card.id);
    mergeRequest(card);
    if (!known) {
      markFresh(card.id);
      chime();
    }
  });
  onCleanup(() => socket.disconnect());

  return { socket, connection, rep, booth, setBooth, visitors, requests, loadError, fresh, mergeRequest };
}

export type RepSession = ReturnType<typeof createRepSession>;
