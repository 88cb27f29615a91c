// The server's event loop delay over one request, for the benchmarks that run the server in their
// own process and send it a request at once (export, import).
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LOOP_RESOLUTION_MS } from './ack.ts';

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
