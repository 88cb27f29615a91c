// Counts failures per key (a remote address) in fixed windows, in a map of bounded size.

export interface FailureLimit {
  /** True while `key` has used up its failures for the current window. */
  blocked(key: string, now: Date): boolean;
  fail(key: string, now: Date): void;
}

export function createFailureLimit(options: { max: number; windowMs: number; maxKeys: number }): FailureLimit {
  const windows = new Map<string, { since: number; failures: number }>();

  const current = (key: string, at: number) => {
    const entry = windows.get(key);
    if (entry && at - entry.since < options.windowMs) return entry;
    windows.delete(key);
    return undefined;
  };

  /** Drops expired windows, then (still full) the oldest: a flood of addresses cannot grow memory. */
  const makeRoom = (at: number) => {
    for (const [key, entry] of windows) if (at - entry.since >= options.windowMs) windows.delete(key);
    while (windows.size >= options.maxKeys) windows.delete(windows.keys().next().value!);
  };

  return {
    blocked: (key, now) => (current(key, now.getTime())?.failures ?? 0) >= options.max,
    fail(key, now) {
      const at = now.getTime();
      const entry = current(key, at);
      if (entry) {
        entry.failures += 1;
        return;
      }
      if (windows.size >= options.maxKeys) makeRoom(at);
      windows.set(key, { since: at, failures: 1 });
    },
  };
}
