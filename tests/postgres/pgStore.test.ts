import { describe, expect, it } from 'vitest';
import pg, { type PoolConfig } from 'pg';
import { openPgStore, withSynchronousCommit, type PgStore } from '../../server/store/pg/pgStore.ts';
import { MIGRATIONS, SNAPSHOT_LOCK } from '../../server/store/pg/schema.ts';
import { runStoreContract } from '../store/contract.ts';
import { boothCreated } from '../store/events.ts';
import { quiet } from '../store/fixtures.ts';
import { PATIENCE_MS } from '../helpers.ts';
import { freshFair, hasDatabase, holdLock, namedFair, query } from './database.ts';

if (hasDatabase) {
  runStoreContract('PostgreSQL store', async () => {
    const fair = await freshFair();
    let current = await openPgStore(fair, { log: quiet });
    return {
      store: current,
      reopen: async () => {
        await current.close();
        current = await openPgStore(fair, { log: quiet });
        return current;
      },
    };
  });
}

describe.runIf(hasDatabase)('PostgreSQL store: schema', () => {
  it('creates its tables at the first start and records the version; a second start changes nothing', async () => {
    const fair = await freshFair();
    const first = await openPgStore(fair, { log: quiet });
    await first.commit({ events: [boothCreated('b1')] });
    await first.close();
    const second = await openPgStore(fair, { log: quiet });
    expect(second.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(second.state.booths.has('b1')).toBe(true);
    await second.close();
    const versions = await query<{ version: number }>(fair, 'SELECT version FROM boothlink_schema ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database set up by a newer version, with a sentence, and changes nothing', async () => {
    const fair = await freshFair();
    await (await openPgStore(fair, { log: quiet })).close();
    await query(fair, "INSERT INTO boothlink_schema (version, name) VALUES (99, 'from the future')");
    await expect(openPgStore(fair, { log: quiet })).rejects.toThrow(/set up by a newer version of Boothlink \(schema 99/);
    const versions = await query<{ version: number }>(fair, 'SELECT version FROM boothlink_schema ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual([...MIGRATIONS.map((m) => m.version), 99]);
  });
});

describe.runIf(hasDatabase)('PostgreSQL store: durability', () => {
  it('commits synchronously even where the address asks for less, keeping the address\'s other settings', async () => {
    const fair = await freshFair();
    const asked = `${fair.options} -c synchronous_commit=off`;
    const url = new URL(fair.connectionString!);
    url.searchParams.set('options', asked);
    for (const connection of [{ ...fair, options: asked }, url.toString()]) {
      const client = new pg.Client(withSynchronousCommit(connection));
      await client.connect();
      const { rows } = await client.query<{ commit: string; path: string }>("SELECT current_setting('synchronous_commit') AS commit, current_setting('search_path') AS path");
      await client.end();
      expect(rows[0]).toEqual({ commit: 'on', path: fair.options!.replace('-c search_path=', '') });
    }
  });
});

/** The seqs of the fair's snapshots, oldest first. */
const snapshotSeqs = async (fair: PoolConfig) => (await query<{ seq: string }>(fair, 'SELECT seq FROM boothlink_snapshots ORDER BY seq')).map((r) => Number(r.seq));

/** Commits booths b1…bN, one command each, with its key action-1…action-N. */
async function commitBooths(store: PgStore, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await store.turn();
    await store.commit({ events: [boothCreated(`b${i}`)], key: `action-${i}` });
  }
}

describe.runIf(hasDatabase)('PostgreSQL store: snapshots', () => {
  it('writes one every so many records; a start reads the newest and replays only the records after it', async () => {
    const fair = await freshFair();
    const store = await openPgStore(fair, { log: quiet, snapshotEvery: 5 });
    await commitBooths(store, 12);
    // Written beside the turns, at least 5 records apart (later when the one before was still being
    // written): two kept, the newest at 10 or after, the records up to the older one gone.
    await expect.poll(async () => (await snapshotSeqs(fair)).at(-1) ?? 0, { timeout: PATIENCE_MS }).toBeGreaterThanOrEqual(10);
    const kept = await snapshotSeqs(fair);
    const [older, newer] = kept;
    expect(kept.length).toBe(2);
    expect(older).toBeGreaterThanOrEqual(5);
    expect(newer! - older!).toBeGreaterThanOrEqual(5);
    await expect.poll(async () => Number((await query<{ first: string }>(fair, 'SELECT min(seq) AS first FROM boothlink_records'))[0]!.first), { timeout: PATIENCE_MS })
      .toBe(older! + 1);
    const before = structuredClone(store.state);
    await store.close();
    const again = await openPgStore(fair, { log: quiet, snapshotEvery: 5 });
    expect(again.state).toEqual(before);
    expect(again.applied('action-1')).toBe(true);
    expect(again.applied('action-12')).toBe(true);
    await again.close();
  });

  it('takes the snapshot that fell due while the one before was written once that one is done, with no command after', async () => {
    const fair = await namedFair();
    const store = await openPgStore(fair, { log: quiet, snapshotEvery: 5 });
    // Another connection holds the snapshot lock (as another process's snapshot would): the one due
    // at record 5 waits for it while the commands go on past the next one's due point.
    const snapshotLock = await holdLock(fair, SNAPSHOT_LOCK);
    try {
      await commitBooths(store, 12);
      await expect.poll(snapshotLock.waiting, { timeout: PATIENCE_MS }).toBe(1);
    } finally {
      await snapshotLock.release();
    }
    await expect.poll(() => snapshotSeqs(fair), { timeout: PATIENCE_MS }).toEqual([5, 12]);
    await store.close();
  });
});
