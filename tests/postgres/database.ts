// The PostgreSQL the past-one-machine tests run against: TEST_DATABASE_URL, else DATABASE_URL,
// else the local default (127.0.0.1:5432, database test). Each fair gets a schema of its own, so
// tests never see each other's tables; the schemas are dropped after the file. Outside CI the
// tests skip, loudly, when no PostgreSQL answers; in CI they are required.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PoolConfig } from 'pg';
import { afterAll } from 'vitest';

export const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const required = Boolean(process.env.CI || process.env.BOOTHLINK_REQUIRE_SERVICES);

/** Whether PostgreSQL answers; the reason it does not, if not. */
async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
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

const problem = await probe();
export const hasDatabase = problem === undefined;
if (problem !== undefined) {
  const message = `No PostgreSQL at ${new URL(databaseUrl).host} (${problem}): start it, or set TEST_DATABASE_URL.`;
  if (required) throw new Error(`${message} The past-one-machine tests are required in CI.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING POSTGRESQL TESTS. ${message}\n${'!'.repeat(78)}\n`);
}

const made: string[] = [];

/** A new, empty schema: the connection settings of a database holding one fair of its own. */
export async function freshFair(): Promise<PoolConfig> {
  const schema = `bl_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  made.push(schema);
  return { connectionString: databaseUrl, options: `-c search_path=${schema}` };
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

afterAll(async () => {
  if (made.length === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of made.splice(0)) await client.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await client.end();
  }
});
