// The PostgreSQL and Redis the past-one-machine tests run against: TEST_DATABASE_URL, else
// DATABASE_URL, else the local default (127.0.0.1:5432, database test); likewise TEST_REDIS_URL,
// REDIS_URL, 127.0.0.1:6379. Each fair gets a schema of its own, so
// tests never see each other's tables; the schemas are dropped after the file. Whether the
// services answer is asked once a run (services.ts): outside CI the tests skip when one does not.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PoolConfig } from 'pg';
import { afterAll, inject } from 'vitest';
import { fairIdsIn, forgetStreams } from './fairKeys.ts';
import { databaseUrl, redisUrl } from './services.ts';

export { databaseUrl, redisUrl };

const missing = inject('servicesMissing');
export const hasDatabase = missing.postgres === undefined;
/** PostgreSQL and Redis: what a cluster of server processes needs. */
export const hasCluster = hasDatabase && missing.redis === undefined;

const made: string[] = [];

/** A new, empty schema: the connection settings of a database holding one fair of its own. */
export async function freshFair(): Promise<PoolConfig> {
  const schema = `bl_test_${randomBytes(6).toString('hex')}`;
  await query({ connectionString: databaseUrl }, `CREATE SCHEMA ${schema}`);
  made.push(schema);
  return { connectionString: databaseUrl, options: `-c search_path=${schema}` };
}

/**
 * A new fair whose connections carry a name of their own, so a test can tell them in
 * pg_stat_activity from other test fairs' (locks and connections are the database's, not the schema's).
 */
export async function namedFair(): Promise<PoolConfig & { application_name: string }> {
  return { ...(await freshFair()), application_name: `boothlink-test-${randomBytes(5).toString('hex')}` };
}

/**
 * An advisory lock held by a connection of the fair's own, as another process's snapshot would hold
 * it. `waiting()`: how many of the fair's connections wait for it; `release()` lets it go (once).
 */
export async function holdLock(fair: PoolConfig & { application_name: string }, lock: number) {
  const holder = new pg.Client(fair);
  await holder.connect();
  await holder.query('SELECT pg_advisory_lock($1)', [lock]);
  let released = false;
  return {
    waiting: async () => (await query(fair, `SELECT 1 FROM pg_locks JOIN pg_stat_activity USING (pid)
      WHERE locktype = 'advisory' AND objid = $1 AND NOT granted AND application_name = $2`, [lock, fair.application_name])).length,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      try {
        await holder.query('SELECT pg_advisory_unlock($1)', [lock]);
      } finally {
        await holder.end();
      }
    },
  };
}

/** The fair's settings as one DATABASE_URL, for a server process. */
export function urlOf(fair: PoolConfig): string {
  const url = new URL(fair.connectionString!);
  url.searchParams.set('options', fair.options!);
  return url.toString();
}

/** Runs SQL on the fair's schema, as an organiser's database tools would. */
export async function query<T extends pg.QueryResultRow>(fair: PoolConfig, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(fair);
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Drops the schemas, and the streams their fairs left in Redis. */
async function drop(schemas: string[]): Promise<void> {
  if (hasCluster) await forgetStreams(redisUrl, await fairIdsIn(databaseUrl, schemas));
  await query({ connectionString: databaseUrl }, schemas.map((schema) => `DROP SCHEMA ${schema} CASCADE;`).join(' '));
}

/** Drops one fair's schema now (a fair made outside a test file's own run, which afterAll would not see). */
export async function dropFair(fair: PoolConfig): Promise<void> {
  const at = made.indexOf(fair.options!.replace('-c search_path=', ''));
  if (at !== -1) await drop(made.splice(at, 1));
}

afterAll(async () => {
  if (made.length > 0) await drop(made.splice(0));
});
