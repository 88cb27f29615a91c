// The server's event loop delay over one request, for the benchmarks that run the server in their
// own process and send it a request at once (export, import).
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ms, ratio, verdict } from '../numbers.ts';
import type { Row } from '../table.ts';
import { LOOP_RESOLUTION_MS } from './ack.ts';

/** No event-loop block over this (bench/README.md): exports, imports, the first requests after a start. */
const LOOP_BLOCK_GOAL_MS = 50;

/** The table's row for the server's longest loop block, judged against LOOP_BLOCK_GOAL_MS. */
export const loopRow = (benchmark: string, worstMs: number): Row => ({
  benchmark, measured: ms(worstMs), baseline: '—', ratio: '—',
  goal: `≤ ${LOOP_BLOCK_GOAL_MS} ms (${ratio(worstMs / LOOP_BLOCK_GOAL_MS)} of it)`, verdict: verdict(worstMs <= LOOP_BLOCK_GOAL_MS),
});

/**
 * A monitor that is already ticking. monitorEventLoopDelay records nothing for a block that starts
 * within its first interval (a 100 ms busy loop 0-3 ms after enable() read as a 5 ms delay; 6 ms
 * after, as 101 ms), and a request sent at once lands there: two intervals pass before the caller
 * sends one.
 */
export async function watchLoop(): Promise<IntervalHistogram> {
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  await sleep(2 * LOOP_RESOLUTION_MS);
  return loop;
}
