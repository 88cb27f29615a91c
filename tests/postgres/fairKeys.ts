// What a fair leaves in Redis past one machine, and how a test or bench fair takes it away when its
// schema is dropped: the fair's stream of pushes (up to PUSHES_KEPT entries) lives until deleted.
// Sessions and the limits' counts expire by themselves. No vitest here: the bench uses it too.
import pg from 'pg';
import { createClient } from 'redis';

/** The fair ids kept in these schemas (a schema whose fair never ran a cluster has none). */
export async function fairIdsIn(databaseUrl: string, schemas: readonly string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids: string[] = [];
    for (const schema of schemas) {
      const { rows } = await client.query<{ table: string | null }>('SELECT to_regclass($1) AS table', [`${schema}.boothlink_settings`]);
      if (rows[0]?.table === null) continue;
      const found = await client.query<{ value: string }>(`SELECT value FROM ${schema}.boothlink_settings WHERE name = 'fair-id'`);
      ids.push(...found.rows.map((row) => row.value));
    }
    return ids;
  } finally {
    await client.end();
  }
}

/** Deletes the fairs' streams (server/cluster.ts names each `boothlink:<fair id>`). */
export async function forgetStreams(redisUrl: string, fairIds: readonly string[]): Promise<void> {
  if (fairIds.length === 0) return;
  const redis = createClient({ url: redisUrl, socket: { reconnectStrategy: false } });
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    await redis.del(fairIds.map((id) => `boothlink:${id}`));
  } finally {
    await redis.close();
  }
}
