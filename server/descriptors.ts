// How many files this process may open, and how many it has open, from Linux's /proc. Node raises
// its soft limit to the hard one at start, but cannot go past the hard one (`ulimit -Hn` in the
// shell that starts it, a container's or a service manager's limit), and has no getrlimit to ask.
import fs from 'node:fs';

export interface OpenFiles {
  /** The most this process may have open at once, sockets included. */
  limit: number;
  /** How many it has open now. */
  open: number;
}

/**
 * Undefined where /proc does not say (macOS, Windows) or the limit is "unlimited". It lists a
 * folder of one entry per open file: call it once at start, never per connection.
 */
export function readOpenFiles(): OpenFiles | undefined {
  try {
    const soft = /^Max open files\s+(\d+)\s/m.exec(fs.readFileSync('/proc/self/limits', 'latin1'))?.[1];
    if (soft === undefined) return undefined;
    return { limit: Number(soft), open: fs.readdirSync('/proc/self/fd').length };
  } catch {
    return undefined;
  }
}
