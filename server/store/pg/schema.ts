// The PostgreSQL store's tables, made and migrated at start by a plain numbered-SQL runner: each
// migration runs once, in order, in its own transaction, and the versions applied are recorded in
// boothlink_schema. Servers starting at the same moment take turns (an advisory lock), so a
// migration never runs twice. A database holds one fair.
import type { Pool, PoolClient } from 'pg';

/** The migrations, in order; a migration once released is never edited, only followed by a new one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'records and snapshots',
    sql: `
      -- Every committed record, as the file store's journal line holds it ({"seq","key","events"}).
      -- Appended under the fair's lock (pgStore.ts), so seq has no gap and one order for every process.
      CREATE TABLE boothlink_records (
        seq bigint PRIMARY KEY,
        line text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      -- The whole fair as of a seq, as db.json holds it. A scrub writes one and deletes every
      -- record and older snapshot it covers, so that erased data leaves the tables.
      CREATE TABLE boothlink_snapshots (
        seq bigint PRIMARY KEY,
        body text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: 'settings',
    sql: `
      -- What every process of the fair must agree on that is not a record: the organiser's token.
      CREATE TABLE boothlink_settings (
        name text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
];

/** pg_advisory_lock keys: migrations, the fair's appends, its snapshots ("BL", "BF", "BS" in ASCII). */
export const MIGRATION_LOCK = 0x424c;
export const APPEND_LOCK = 0x4246;
export const SNAPSHOT_LOCK = 0x4253;

/** Brings the database to the newest schema; resolves with the version it is at. */
export async function migrate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS boothlink_schema (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM boothlink_schema');
      const at = rows[0]?.version ?? 0;
      const newest = MIGRATIONS.at(-1)?.version ?? 0;
      if (at > newest) {
        throw new Error(`The database was set up by a newer version of Boothlink (schema ${at}; this one knows up to ${newest}). Update Boothlink, or point DATABASE_URL at another database.`);
      }
      for (const migration of MIGRATIONS.filter((m) => m.version > at)) await runOne(client, migration);
      return newest;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function runOne(client: PoolClient, migration: (typeof MIGRATIONS)[number]): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query('INSERT INTO boothlink_schema (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`Could not bring the database to schema ${migration.version} (${migration.name}): ${(error as Error).message}. Nothing of that step was kept.`);
  }
}
