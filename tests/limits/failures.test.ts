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

  it('says how many failures are left and how long a blocked key waits', () => {
    const limit = createFailureLimit({ max: 3, windowMs: 5 * 60_000, maxKeys: 100 });
    expect([limit.left('a', at(0)), limit.waitMs('a', at(0))]).toEqual([3, 0]);
    limit.fail('a', at(0));
    limit.fail('a', at(1));
    expect(limit.left('a', at(1))).toBe(1);
    limit.fail('a', at(2));
    expect([limit.left('a', at(2)), limit.waitMs('a', at(2))]).toEqual([0, 3 * 60_000]);
    expect([limit.left('a', at(5)), limit.waitMs('a', at(5))]).toEqual([3, 0]); // the window ended
  });

  it('forgets the oldest keys rather than grow past maxKeys', () => {
    const limit = createFailureLimit({ max: 1, windowMs: 10 * 60_000, maxKeys: 3 });
    for (const key of ['a', 'b', 'c', 'd']) limit.fail(key, at(0));
    expect(['a', 'b', 'c', 'd'].map((k) => limit.blocked(k, at(1)))).toEqual([false, true, true, true]);
  });

  it('counts an attempt as it starts, so attempts still in flight hold their places', () => {
    const limit = createFailureLimit({ max: 3, windowMs: 10 * 60_000, maxKeys: 100 });
    const open = [limit.attempt('a', at(0)), limit.attempt('a', at(0)), limit.attempt('a', at(0))];
    expect(open.every((a) => a !== undefined)).toBe(true);
    expect(limit.attempt('a', at(0))).toBeUndefined();
    expect(limit.blocked('a', at(0))).toBe(true);
  });

  it('forgives an attempt once, and only in the window it was counted in', () => {
    const limit = createFailureLimit({ max: 2, windowMs: 10 * 60_000, maxKeys: 100 });
    const first = limit.attempt('a', at(0))!;
    limit.attempt('a', at(1));
    expect(limit.blocked('a', at(1))).toBe(true);
    first.forgive();
    first.forgive();
    expect(limit.blocked('a', at(1))).toBe(false);
    limit.fail('a', at(2));
    expect(limit.blocked('a', at(2))).toBe(true);

    const late = limit.attempt('b', at(0))!;
    limit.fail('b', at(10)); // a new window
    limit.fail('b', at(10));
    late.forgive();
    expect(limit.blocked('b', at(11))).toBe(true);
  });
});
