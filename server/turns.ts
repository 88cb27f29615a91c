// Long work (a snapshot, an export) steps aside between pieces so sockets and other requests are served.

/** Resolves in the next turn of the event loop, after the I/O that came meanwhile. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * How long one piece of long work may hold the event loop before it steps aside: a fifth of the
 * 50 ms budget (bench/README.md), so a slow or busy machine still stays well within it.
 */
export const TURN_MS = 10;

/** Runs `work` on each item in order, stepping aside each time it has held the loop TURN_MS. */
export async function eachInTurns<T>(items: Iterable<T>, work: (item: T) => void): Promise<void> {
  let since = performance.now();
  for (const item of items) {
    if (performance.now() - since >= TURN_MS) {
      await nextTurn();
      since = performance.now();
    }
    work(item);
  }
}
