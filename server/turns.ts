// Long work (a snapshot, an export) steps aside between pieces so sockets and other requests are served.
import { indexesBuilt } from './domain/indexes.ts';
import type { FairState } from './domain/types.ts';

/** Resolves in the next turn of the event loop, after the I/O that came meanwhile. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Resolves in the first turn in which `done()` holds: for work that another job finishes in turns. */
export async function until(done: () => boolean): Promise<void> {
  while (!done()) await nextTurn();
}

/**
 * A collection some of whose entities may still be lines in db.json: store/entitiesOnDisk.ts's
 * DeferredEntities. Asked by this shape, not by its class: that file imports this one (eachInTurns),
 * and an import back would make a cycle.
 */
interface MaybeOnDisk {
  readonly onDisk?: unknown;
}

/**
 * Resolves once the start's work is done: the booths' indexes built (domain/indexes.ts builds them
 * in turns right after a start) and every entity in memory (a large db.json's students and
 * introductions are read in turns, store/entitiesOnDisk.ts). A reader of many cards that can wait
 * (an export, a tablet's whole view) waits for this, rather than walking every introduction,
 * finishing the build in one go, or reading its cards one at a time from the file (a tablet's 1,000
 * visitors held the loop ~40 ms so at 300,000 introductions).
 */
export const wholeFairReady = (state: FairState): Promise<void> =>
  until(() => indexesBuilt(state) && !Object.values(state).some((part) => (part as MaybeOnDisk | undefined)?.onDisk === true));

/**
 * How long one piece of long work may hold the event loop before it steps aside: a fifth of the
 * 50 ms budget (bench/README.md), so a slow or busy machine still stays well within it.
 */
export const TURN_MS = 10;

/** Runs `work` on each item in order, stepping aside each time it has held the loop `ms`. */
export async function eachInTurns<T>(items: Iterable<T>, work: (item: T) => void, ms = TURN_MS): Promise<void> {
  let since = performance.now();
  for (const item of items) {
    if (performance.now() - since >= ms) {
      await nextTurn();
      since = performance.now();
    }
    work(item);
  }
}

/**
 * `work` on each item, a turn's worth at a time: yields the results each time the work has held the
 * loop `ms` (and at the end), and goes on in a later turn. A count per turn fits only warm code:
 * 1,000 export rows a turn took 10-12 ms, but the first export after a start, its code not yet
 * optimised, held the loop up to 115 ms. A clock holds a turn to `ms` however cold or busy.
 */
export async function* mapInTurns<T, R>(items: readonly T[], work: (item: T) => R, ms = TURN_MS): AsyncGenerator<R[]> {
  for (let next = 0; next < items.length;) {
    if (next > 0) await nextTurn();
    const since = performance.now();
    const results: R[] = [];
    do results.push(work(items[next++]!));
    while (next < items.length && performance.now() - since < ms);
    yield results;
  }
}
