// The organiser's figures as the /admin namespace sends them: the domain's counts, the tablets on
// line from the sockets, and the day's chart counted a slice a turn the first time (after a start,
// a fair of 300,000 introductions would otherwise hold the loop ~100 ms on the first dashboard).
// The counts per booth are read off the indexes, which right after a start are built in turns: the
// figures wait for them, as the exports do, rather than finish the build in one go.
import type { Namespace } from 'socket.io';
import type { AdminStats } from '../../shared/protocol.ts';
import { adminStats } from '../domain/stats.ts';
import { countTimeline } from '../domain/timeline.ts';
import { everyCommit, type Store } from '../store/store.ts';
import { wholeFairReady, nextTurn } from '../turns.ts';
import { tabletsOnline } from './tablets.ts';

/** Records counted toward the chart per turn: a few ms, well inside TURN_MS on a busy machine. */
export const COUNTED_PER_TURN = 10_000;

export async function adminFigures(store: Store, reps: Namespace): Promise<AdminStats> {
  await everyCommit(store); // past one machine: what every process committed
  // Read afresh each turn: a purge or a reload replaces the collections, and the count starts over.
  const online = await tabletsOnline(reps, () => store.state);
  while (!countTimeline(store.state, COUNTED_PER_TURN)) await nextTurn();
  await wholeFairReady(store.state);
  return adminStats(store.state, online);
}
