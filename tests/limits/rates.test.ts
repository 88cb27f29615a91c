// The token buckets behind the event rate limits, on a clock the test moves by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, keyedTokenBuckets, tokenBucket } from '../../server/limits/rates.ts';

function manualClock() {
  let ms = 1_000;
  return { now: () => ms, advance: (by: number) => void (ms += by) };
}

const takeMany = (take: () => boolean, times: number) => Array.from({ length: times }, () => take()).filter(Boolean).length;

describe('token bucket', () => {
  it('allows a burst, then refills at its rate, never past the burst', () => {
    const clock = manualClock();
    const take = tokenBucket({ burst: 3, perSecond: 2 }, clock.now);
    expect(takeMany(take, 5)).toBe(3);
    clock.advance(499);
    expect(take()).toBe(false); // 0.998 of a token
    clock.advance(1);
    expect(take()).toBe(true);
    expect(take()).toBe(false);
    clock.advance(60_000); // a long quiet spell refills to the burst, not to 120
    expect(takeMany(take, 10)).toBe(3);
  });

  it('refusals do not cost tokens: a client that keeps flooding still gets the rate', () => {
    const clock = manualClock();
    const take = tokenBucket({ burst: 2, perSecond: 10 }, clock.now);
    let allowed = 0;
    for (let step = 0; step < 100; step++) {
      allowed += takeMany(take, 50); // 50 tries every 10 ms
      clock.advance(10);
    }
    // The burst of 2, then 0.99 s × 10/s (a hair less, in floating point): if refusals cost, only 2.
    expect(allowed).toBeGreaterThanOrEqual(10);
    expect(allowed).toBeLessThanOrEqual(11);
  });
});

describe('a bucket per key', () => {
  it('keeps each key to its own budget', () => {
    const clock = manualClock();
    const buckets = keyedTokenBuckets({ burst: 2, perSecond: 1 }, { maxKeys: 10, clock: clock.now });
    expect(takeMany(() => buckets.take('10.0.0.1'), 5)).toBe(2);
    expect(takeMany(() => buckets.take('10.0.0.2'), 5)).toBe(2);
    clock.advance(1_000);
    expect(takeMany(() => buckets.take('10.0.0.1'), 5)).toBe(1);
  });

  it('never remembers more than maxKeys: idle keys go first, then the least recently used', () => {
    const clock = manualClock();
    const buckets = keyedTokenBuckets({ burst: 2, perSecond: 1 }, { maxKeys: 3, clock: clock.now });
    for (const key of ['a', 'b', 'c']) takeMany(() => buckets.take(key), 2); // all three spent
    buckets.take('a'); // a was used last
    for (let i = 0; i < 1_000; i++) buckets.take(`flood-${i}`);
    expect(buckets.size()).toBe(3);

    const fresh = keyedTokenBuckets({ burst: 2, perSecond: 1 }, { maxKeys: 3, clock: clock.now });
    takeMany(() => fresh.take('busy'), 2);
    fresh.take('idle');
    clock.advance(1_500); // 'idle' is full again, 'busy' is not (1.5 of 2 tokens)
    fresh.take('third');
    fresh.take('fourth'); // makes room: the idle key goes, the busy one stays
    expect(fresh.size()).toBe(3);
    expect(takeMany(() => fresh.take('busy'), 5)).toBe(1); // still its own half-spent bucket
  });
});

describe('the default limits', () => {
  it('let a person and a tablet coming back online through, and this laptop through unlimited', () => {
    const { socket, address, isExempt } = DEFAULT_RATE_LIMITS;
    expect(socket.burst).toBeGreaterThanOrEqual(20); // an outbox and a resync at once
    expect(address.burst).toBeGreaterThanOrEqual(10 * socket.burst); // a NAT with many phones
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((a) => isExempt?.(a))).toEqual([true, true, true]);
    expect(['192.168.1.20', '10.0.0.127', '::ffff:10.1.2.3', 'fe80::1'].map((a) => isExempt?.(a))).toEqual([false, false, false, false]);
  });
});
