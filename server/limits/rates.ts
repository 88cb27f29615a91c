// Token buckets: one per socket and one per remote address, so a flooding client is refused
// without slowing anyone else, and memory stays bounded whatever the attacker does.
import { makeRoom } from './room.ts';

export interface Rate {
  /** Events allowed at once, after a quiet moment. */
  burst: number;
  /** Events allowed per second, sustained. */
  perSecond: number;
}

export interface RateLimits {
  socket: Rate;
  address: Rate;
  /** Addresses never limited; by default this laptop itself (see DEFAULT_RATE_LIMITS). */
  isExempt?: (address: string) => boolean;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * A person taps a few times a second at most; a tablet coming back online sends its outbox and a
 * resync in one go (a dozen events): a burst of 30 and 10 per second leaves them ample room.
 * A venue's NAT can put every phone behind one address: a scan is three or four events (load,
 * booth, share, request), and bench/README's busiest fair makes 100 scans a second, so one address
 * gets 400 events a second (burst 1,000); past that a phone's outbox sends its action again after
 * a pause (client/lib/outbox.ts). One client flooding from one address costs the server at most
 * that, a fraction of one core.
 * Clients on this laptop itself are the organiser, the benchmarks and the crash and restart
 * tests, which drive many phones at machine speed from 127.0.0.1. No one on the Wi-Fi can send
 * from a loopback address (the kernel drops such packets), so they are not limited. (Behind a
 * reverse proxy on this laptop every client would look local: Boothlink serves TLS itself.)
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  socket: { burst: 30, perSecond: 10 },
  address: { burst: 1000, perSecond: 400 },
  isExempt: (address) => LOOPBACK.test(address),
};

/** Addresses remembered at once; when full, idle and then least recently used ones are forgotten. */
export const MAX_ADDRESSES = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

/** Tops the bucket up for the time since it was last used; true if it is full again. */
function refill(bucket: Bucket, rate: Rate, nowMs: number): boolean {
  bucket.tokens = Math.min(rate.burst, bucket.tokens + ((nowMs - bucket.at) * rate.perSecond) / 1000);
  bucket.at = nowMs;
  return bucket.tokens >= rate.burst;
}

function take(bucket: Bucket, rate: Rate, nowMs: number): boolean {
  refill(bucket, rate, nowMs);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/** One bucket, e.g. a socket's: it lives and dies with its owner, so it needs no map. */
export function tokenBucket(rate: Rate, clock: () => number): () => boolean {
  const bucket: Bucket = { tokens: rate.burst, at: clock() };
  return () => take(bucket, rate, clock());
}

export interface KeyedBuckets {
  /** Takes a token from `key`'s bucket; false when it is empty. */
  take(key: string): boolean;
  /** How many keys are remembered (for tests of the memory bound). */
  size(): number;
}

/** A bucket per key, at most `maxKeys` of them: a full bucket is the same as none, so it can go. */
export function keyedTokenBuckets(rate: Rate, options: { maxKeys: number; clock: () => number }): KeyedBuckets {
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const nowMs = options.clock();
      let bucket = buckets.get(key);
      if (bucket) buckets.delete(key); // re-inserted below: the map's order is least recently used first
      else {
        if (buckets.size >= options.maxKeys) makeRoom(buckets, options.maxKeys, (full) => refill(full, rate, nowMs));
        bucket = { tokens: rate.burst, at: nowMs };
      }
      buckets.set(key, bucket);
      return take(bucket, rate, nowMs);
    },
    size: () => buckets.size,
  };
}
