// Whether PostgreSQL and Redis answer, asked once for the whole run: vitest's global setup runs in
// its main process before any test file, and hands each project the answer (`inject` in
// database.ts). Outside CI a service that does not answer skips the past-one-machine tests, said
// in one line, once; in CI (or with BOOTHLINK_REQUIRE_SERVICES) the run fails before any test.
import pg from 'pg';
import { createClient } from 'redis';
import type { TestProject } from 'vitest/node';

export const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Why each service cannot be used, if it cannot: a sentence saying what to do. */
export interface ServicesMissing {
  postgres?: string;
  redis?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servicesMissing: ServicesMissing;
  }
}

/** Set in the main process once the answer is printed: each project runs this setup, the line is printed once. */
const SAID = 'BOOTHLINK_SERVICES_SAID';

export default async function setup(project: TestProject): Promise<void> {
  const missing: ServicesMissing = {};
  const postgres = await probePostgres(databaseUrl);
  if (postgres !== undefined) missing.postgres = `No PostgreSQL at ${new URL(databaseUrl).host} (${postgres}): start it, or set TEST_DATABASE_URL.`;
  const redis = await probeRedis(redisUrl);
  if (redis !== undefined) missing.redis = `No Redis at ${new URL(redisUrl).host} (${redis}): start it, or set TEST_REDIS_URL.`;
  const problems = [missing.postgres, missing.redis].filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    if (process.env.CI || process.env.BOOTHLINK_REQUIRE_SERVICES) throw new Error(`${problems.join(' ')} The past-one-machine tests are required in CI.`);
    if (process.env[SAID] === undefined) console.warn(`!!! SKIPPING THE PAST-ONE-MACHINE TESTS (${missing.postgres === undefined ? 'those that need Redis' : 'all of them'}). ${problems.join(' ')}`);
    process.env[SAID] = '1';
  }
  project.provide('servicesMissing', missing);
}

/** Whether PostgreSQL answers at `url`; the reason it does not, if not (the bench asks too). */
export async function probePostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether Redis answers at `url`; the reason it does not, if not. */
export async function probeRedis(url: string): Promise<string | undefined> {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 5_000 } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    if (client.isOpen) await client.close();
  }
}
