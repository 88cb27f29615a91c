// The pairing limiter's memory: counts per key in a window, and never more keys than allowed.
import { describe, expect, it } from 'vitest';
import { createFailureLimit } from '../../server/limits/failures.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, minutes));

describe('failure limit', () => {
  it('blocks a key after max failures until its window ends', () => {
    const limit = createFailureLimit({ max: 3, windowMs: 10 * 60_000, maxKeys: 100 });
    for (let i = 0; i < 3; i++) {
      expect(limit.blocked('a', at(0))).toBe(false);
      limit.fail('a', at(i));
    }
    expect(limit.blocked('a', at(5))).toBe(true);
    expect(limit.blocked('b', at(5))).toBe(false);
    expect(limit.blocked('a', at(10))).toBe(false);
  });

  it('forgets the oldest keys rather than grow past maxKeys', () => {
    const limit = createFailureLimit({ max: 1, windowMs: 10 * 60_000, maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) limit.fail(key, at(0));
    expect(['a', 'b', 'c', 'd'].map((k) => limit.blocked(k, at(1)))).toEqual([false, true, true, true]);
  });
});
