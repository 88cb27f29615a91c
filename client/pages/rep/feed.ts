// Keeps a tablet's copy of its booth in step with the server. Each push carries the booth's next
// sequence number; on every (re)connect, and whenever a number was skipped, the tablet asks what
// changed since the last number it saw (or everything, when the numbers' epoch changed: a server
// restart). No DOM here: the Node tests drive this same code.
import type { BoothPublic, ErrorBody, RepSync, RequestCard, VisitorCard } from '../../../shared/protocol.ts';
import { call, type RepSocket } from '../../lib/socket.ts';

const SYNC_RETRY_MS = 2000;

export interface FeedHandlers {
  /** A `rep:sync` answer: everything (`full`) or the cards that changed. */
  synced(view: RepSync): void;
  request(card: RequestCard): void;
  /** A new visitor, or a change to one (notes, a referral): merge by introductionId. */
  visitor(card: VisitorCard): void;
  booth(booth: BoothPublic): void;
  /** The booth's tag list, as a rep changed it (optional: the Node tests' tablets pick no tags). */
  tags?(tags: string[]): void;
  refused(error: ErrorBody): void;
}

export function followBooth(socket: RepSocket, on: FeedHandlers) {
  let seq = 0;
  let epoch = '';
  let syncing = false;
  let again = false;

  async function sync(): Promise<void> {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    try {
      do {
        again = false;
        const reply = await call(socket, 'rep:sync', { since: seq, epoch });
        if (!reply.ok) {
          if (reply.error.code === 'UNAUTHORIZED') on.refused(reply.error);
          else if (socket.connected) setTimeout(() => void sync(), SYNC_RETRY_MS);
          return;
        }
        // After a restart the numbers may start lower again (see rep:sync on the server).
        seq = reply.data.full ? reply.data.seq : Math.max(seq, reply.data.seq);
        epoch = reply.data.epoch;
        on.synced(reply.data);
      } while (again);
    } finally {
      syncing = false;
    }
  }

  /**
   * A push: applied if it is newer than what the tablet has. A skipped number, or a number of
   * another epoch (the server's memory went back), means: catch up.
   */
  const pushed = (n: number, from: string, apply: () => void) => {
    if (from === epoch && n <= seq) return; // already covered by a sync answered after it was decided
    apply();
    if (from === epoch && n === seq + 1) seq = n;
    else void sync();
  };

  socket.on('connect', () => void sync());
  socket.on('request:changed', (card, n, from) => pushed(n, from, () => on.request(card)));
  socket.on('visitor:changed', (card, n, from) => pushed(n, from, () => on.visitor(card)));
  socket.on('booth:changed', (booth, n, from) => pushed(n, from, () => on.booth(booth)));
  socket.on('tags:changed', (tags, n, from) => pushed(n, from, () => on.tags?.(tags)));
  // Cards were taken away (a withdrawal, a purge): forgetting the epoch makes the catch-up a full
  // reload, which replaces the lists instead of merging into them.
  socket.on('booth:reset', (n, from) => pushed(n, from, () => (epoch = '')));
  return {
    sync,
    /** The last number the tablet has everything up to. */
    seq: () => seq,
  };
}
