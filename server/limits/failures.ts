// Counts failures per key (a remote address) in fixed windows, in a map of bounded size; and, on top
// of it, the fair-wide lockout of pairing codes.
import { makeRoom } from './room.ts';

export interface FailureLimit {
  /** True while `key` has used up its failures for the current window. */
  blocked(key: string, now: Date): boolean;
  fail(key: string, now: Date): void;
  /**
   * Counts an attempt as a failure as it starts, or answers undefined when `key` is blocked. Counting
   * only once an attempt is decided lets every attempt sent at the same moment pass the check before
   * the first is counted; counted up front, in-flight attempts hold their places and no more than
   * `max` are ever tried. `forgive()` takes the count back for an attempt that turned out not to be
   * a failure (a right code, or a request that never got as far as a code).
   */
  attempt(key: string, now: Date): Attempt | undefined;
  /** Failures `key` may still have in its current window before it is blocked (a sentence can say "3 tries left"). */
  left(key: string, now: Date): number;
  /** How long until `key`'s current window ends and it may try again; 0 when no window is open. */
  waitMs(key: string, now: Date): number;
}

export interface Attempt {
  /** Takes this attempt's count back; does nothing a second time, or once its window has ended. */
  forgive(): void;
}

export function createFailureLimit(options: { max: number; windowMs: number; maxKeys: number }): FailureLimit {
  const windows = new Map<string, { since: number; failures: number }>();

  const current = (key: string, at: number) => {
    const entry = windows.get(key);
    if (entry && at - entry.since < options.windowMs) return entry;
    windows.delete(key);
    return undefined;
  };

  const count = (key: string, at: number) => {
    const entry = current(key, at);
    if (entry) {
      entry.failures += 1;
      return entry;
    }
    if (windows.size >= options.maxKeys) makeRoom(windows, options.maxKeys, (old) => at - old.since >= options.windowMs);
    const fresh = { since: at, failures: 1 };
    windows.set(key, fresh);
    return fresh;
  };

  const blocked = (key: string, now: Date) => (current(key, now.getTime())?.failures ?? 0) >= options.max;

  return {
    blocked,
    left: (key, now) => Math.max(0, options.max - (current(key, now.getTime())?.failures ?? 0)),
    waitMs(key, now) {
      const entry = current(key, now.getTime());
      return entry ? entry.since + options.windowMs - now.getTime() : 0;
    },
    fail: (key, now) => void count(key, now.getTime()),
    attempt(key, now) {
      if (blocked(key, now)) return undefined;
      const entry = count(key, now.getTime());
      let forgiven = false;
      return {
        forgive() {
          // Only the window the attempt was counted in: a new window (or an evicted key) owes it nothing.
          if (forgiven || windows.get(key) !== entry) return;
          forgiven = true;
          entry.failures -= 1;
          if (entry.failures === 0) windows.delete(key);
        },
      };
    },
  };
}

export interface CodeLockout {
  /**
   * True while the fair-wide limit holds, unless `boothCode` (the current code of the booth the typed
   * code names, if any) was issued after the limit tripped.
   */
  refuses(boothCode: string | undefined, now: Date): boolean;
  /** Counts a wrong code; `currentCodes` are the booths' codes, remembered when the limit trips. */
  fail(now: Date, currentCodes: () => Iterable<string>): void;
}

/**
 * A limit on wrong pairing codes from all addresses together. A code names its booth by itself, so a
 * wrong one cannot be counted against "its" booth: whoever guesses from many addresses is guessing at
 * every booth at once. Once tripped, the codes that existed then stop pairing for the window, and a
 * wrong code gets the same answer (so a guess cannot tell that it hit a code). A code the organiser
 * resets afterwards (or a booth added since) pairs at once: a reset is the way out for a booth.
 */
export function createCodeLockout(options: { max: number; windowMs: number }): CodeLockout {
  const all = createFailureLimit({ ...options, maxKeys: 1 });
  let frozen: ReadonlySet<string> | undefined;
  const blocked = (now: Date) => {
    if (!all.blocked('fair', now)) frozen = undefined;
    return frozen !== undefined;
  };
  return {
    refuses: (boothCode, now) => blocked(now) && (boothCode === undefined || frozen!.has(boothCode)),
    fail(now, currentCodes) {
      if (blocked(now)) return;
      all.fail('fair', now);
      if (all.blocked('fair', now)) frozen = new Set(currentCodes());
    },
  };
}
