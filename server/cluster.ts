// Past one machine: the fair in PostgreSQL (pgStore.ts) and every process's live pushes through
// socket.io's Redis Streams adapter, which also keeps the sessions of connection state recovery,
// so a phone or tablet that reconnects to another process gets the pushes it missed.
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { Config } from './deps.ts';
import { redisLimits, type Limits } from './limits/tries.ts';
import { openPgStore, type PgStore } from './store/pg/pgStore.ts';

/**
 * Pushes Redis keeps for processes and reconnecting screens to read: at 100 scans a second (three
 * pushes each) about half a minute, the window of connection state recovery (app.ts). They hold
 * what the screens were shown (a visitor's card), in Redis's memory only, until they are trimmed.
 */
export const PUSHES_KEPT = 10_000;
/** The longest wait between two tries to reach Redis again after it went away. */
const MAX_RECONNECT_MS = 2_000;

export interface Cluster {
  store: PgStore;
  adapter: NonNullable<Partial<ServerOptions>['adapter']>;
  /** Wrong pairing codes and PINs, counted in Redis for every process of the fair. */
  limits: Limits;
  /** How the banner names where the fair is: hosts and database, never a password. */
  where: string;
  close(): Promise<void>;
}

export async function openCluster(cluster: NonNullable<Config['cluster']>, log: (line: string) => void): Promise<Cluster> {
  const database = new URL(cluster.databaseUrl);
  const redisAt = new URL(cluster.redisUrl).host;
  let connected = false;
  const redis = createClient({
    url: cluster.redisUrl,
    socket: {
      // At start, a Redis that does not answer stops the start with a sentence; later, a lost
      // connection is tried again, and the adapter catches up on the stream once it is back.
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, MAX_RECONNECT_MS) : cause),
    },
  });
  redis.on('error', (error: Error) => {
    if (connected) log(`Redis at ${redisAt}: ${error.message}`);
  });
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(`cannot reach Redis at ${redisAt} (${(error as Error).message}). Start it, or check REDIS_URL.`);
  }
  connected = true;
  let store: PgStore;
  try {
    store = await openPgStore(cluster.databaseUrl, { log });
  } catch (error) {
    await redis.close();
    throw new Error(`${(error as Error).message} Check DATABASE_URL (${database.host}${database.pathname}).`);
  }
  // The fair's own stream and channels: two fairs on one Redis never hear each other.
  const fair = `boothlink:${await store.setting('fair-id', () => randomBytes(8).toString('hex'))}`;
  const adapter = createAdapter(redis, {
    streamName: fair,
    channelPrefix: fair,
    sessionKeyPrefix: `${fair}:session:`,
    maxLen: PUSHES_KEPT,
    onlyPlaintext: true,
  });
  return {
    store,
    adapter,
    limits: redisLimits(redis, fair),
    where: `PostgreSQL ${database.host}${database.pathname}, Redis ${redisAt}`,
    close: async () => {
      await store.close();
      await redis.close();
    },
  };
}
