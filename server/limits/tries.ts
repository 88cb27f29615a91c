// Where wrong pairing codes and PINs are counted: in this process (failures.ts), or, past one
// machine, in Redis, so that a guesser whose tries land on several processes gets no more than on
// one. Both answer the same questions; the routes ask them without knowing which.
import { sha256 } from '../ids.ts';
import { createCodeLockout, createFailureLimit, type Attempt } from './failures.ts';

export interface TryOptions {
  max: number;
  windowMs: number;
  /** Keys remembered at once (this process's count only: Redis forgets each key with its window). */
  maxKeys: number;
}

/** Failures per key in fixed windows (failures.ts's FailureLimit, asked asynchronously). */
export interface Tries {
  /** Counts a try as it starts, or answers undefined when `key` has used up its window's tries. */
  attempt(key: string, now: Date): Promise<Attempt | undefined>;
  /** Tries `key` has left in its current window. */
  left(key: string, now: Date): Promise<number>;
  /** How long until `key`'s window ends; 0 when none is open. */
  waitMs(key: string, now: Date): Promise<number>;
}

/** The fair-wide lockout of pairing codes (failures.ts's CodeLockout, asked asynchronously). */
export interface Lockout {
  /**
   * True if a pairing code is refused: the lockout holds, and `boothCode` (the current code of the
   * booth the typed code names; undefined for a wrong code) is one it froze. A wrong code not
   * refused is counted, in the same step, so guesses sent together cannot all pass the check.
   */
  refuses(boothCode: string | undefined, now: Date, currentCodes: () => Iterable<string>): Promise<boolean>;
}

export interface Limits {
  /** `name` tells one kind of try from another where they share a place (Redis). */
  tries(name: string, options: TryOptions): Tries;
  lockout(name: string, options: Omit<TryOptions, 'maxKeys'>): Lockout;
}

/** Counted in this process: one machine, or a test's own server. */
export const localLimits: Limits = {
  tries(_name, options) {
    const limit = createFailureLimit(options);
    return {
      attempt: async (key, now) => limit.attempt(key, now),
      left: async (key, now) => limit.left(key, now),
      waitMs: async (key, now) => limit.waitMs(key, now),
    };
  },
  lockout(_name, options) {
    const lockout = createCodeLockout(options);
    return {
      async refuses(boothCode, now, currentCodes) {
        if (lockout.refuses(boothCode, now)) return true;
        if (boothCode === undefined) lockout.fail(now, currentCodes);
        return false;
      },
    };
  },
};

/** What the Redis limits need of a client: node-redis's `eval`. */
export interface ScriptRunner {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

// Each key is a hash { since, n }: the window's start by the servers' clock and the tries counted
// in it. A window begins with the first try counted; Redis drops the hash once it is over, and the
// scripts take one whose time has passed (by `now`) for none. A script runs whole, so tries sent
// at once are counted one by one.

/** ARGV[1] now, ARGV[2] windowMs. Sets `since` and `n` (0 when no window is open). */
const WINDOW = `
local since = tonumber(redis.call('HGET', KEYS[1], 'since') or '-1')
local open = since >= 0 and tonumber(ARGV[1]) - since < tonumber(ARGV[2])
local n = open and tonumber(redis.call('HGET', KEYS[1], 'n')) or 0
`;

/** After WINDOW: counts one try, opening a window if none is. Sets `n` and `since`. */
const COUNT = `
if not open then
  since = tonumber(ARGV[1])
  redis.call('HSET', KEYS[1], 'since', ARGV[1], 'n', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
n = redis.call('HINCRBY', KEYS[1], 'n', 1)
`;

/** ARGV: now, windowMs, max. Returns { tries counted (0 when blocked), the window's start }. */
const ATTEMPT = `${WINDOW}
if n >= tonumber(ARGV[3]) then return { 0, 0 } end
${COUNT}
return { n, redis.call('HGET', KEYS[1], 'since') }
`;

/** ARGV: the window's start. Takes one try back, only in the window it was counted in. */
const FORGIVE = `
if redis.call('HGET', KEYS[1], 'since') == ARGV[1] and tonumber(redis.call('HGET', KEYS[1], 'n')) > 0 then
  redis.call('HINCRBY', KEYS[1], 'n', -1)
end
`;

/** ARGV: now, windowMs. Returns { tries counted, ms left in the window (0 when none counted) }. */
const STATE = `${WINDOW}
if n == 0 then return { 0, 0 } end
return { n, since + tonumber(ARGV[2]) - tonumber(ARGV[1]) }
`;

/**
 * KEYS: count, frozen codes. ARGV: now, windowMs, max, the booth's code ('' for a wrong code), then,
 * for a wrong code, the booths' current codes. 1 if refused; a wrong code not refused is counted,
 * and the one that trips the lockout freezes the codes.
 */
const LOCKOUT = `${WINDOW}
local max = tonumber(ARGV[3])
if n >= max then
  if ARGV[4] == '' then return 1 end
  return redis.call('SISMEMBER', KEYS[2], ARGV[4])
end
if ARGV[4] ~= '' then return 0 end
${COUNT}
if n == max then
  redis.call('DEL', KEYS[2])
  for i = 5, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
end
return 0
`;

/** Counted in Redis under `prefix` (the fair's own), shared by every process of the fair. */
export function redisLimits(redis: ScriptRunner, prefix: string): Limits {
  const run = (script: string, keys: string[], args: (string | number)[]) => redis.eval(script, { keys, arguments: args.map(String) });
  return {
    tries(name, { max, windowMs }) {
      // Hashed: a tablet's address is not written to Redis, whose memory may be saved to disk.
      const keyOf = (key: string) => `${prefix}:tries:${name}:${sha256(key)}`;
      const state = async (key: string, now: Date) => (await run(STATE, [keyOf(key)], [now.getTime(), windowMs])) as [number, number];
      return {
        async attempt(key, now) {
          const [n, since] = (await run(ATTEMPT, [keyOf(key)], [now.getTime(), windowMs, max])) as [number, string];
          if (n === 0) return undefined;
          let forgiven = false;
          return {
            forgive() {
              if (forgiven) return;
              forgiven = true;
              void run(FORGIVE, [keyOf(key)], [since]).catch(() => undefined); // Redis away: the try stays counted
            },
          };
        },
        left: async (key, now) => Math.max(0, max - (await state(key, now))[0]),
        waitMs: async (key, now) => (await state(key, now))[1],
      };
    },
    lockout(name, { max, windowMs }) {
      const keys = [`${prefix}:lockout:${name}`, `${prefix}:lockout:${name}:frozen`];
      return {
        refuses: async (boothCode, now, currentCodes) =>
          (await run(LOCKOUT, keys, [now.getTime(), windowMs, max, boothCode ?? '', ...(boothCode === undefined ? currentCodes() : [])])) === 1,
      };
    },
  };
}
