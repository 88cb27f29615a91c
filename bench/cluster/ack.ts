// Past one machine, the durable acknowledgement: the PostgreSQL store's turn and commit of one
// introduction with its key, at a steady pace, against a bare INSERT + COMMIT of the same bytes on
// the same database. Each runs in a process of its own (bench/store/tasks.ts), the two taking
// turns a block at a time (`alternately`, bench/store/child.ts).
import pg from 'pg';
import { shareDetails } from '../../server/domain/students.ts';
import { openPgStore, withSynchronousCommit } from '../../server/store/pg/pgStore.ts';
import { median } from '../numbers.ts';
import { sameBytes } from '../store/bare.ts';
import { actionId, boothDecision, eventsOf, quiet, saveProfilesAtOnce, slugsOf, studentIdOf } from '../store/fair.ts';
import { blocksOf } from '../store/child.ts';
import { pacedInBlocks, summarise, type InBlocks, type PacedArgs } from '../store/paced.ts';

export interface PgTarget {
  /** A connection string whose `options` give the fair's schema (index.ts makes one per run). */
  databaseUrl: string;
}

/** The floor: one autocommit INSERT of the store's bytes per due time, synchronous commit on. */
export async function ackPgBare({ databaseUrl, from, inBlocks = false, ...pace }: PacedArgs & InBlocks & PgTarget & { from: number }) {
  const lines = sameBytes(from, pace.seconds * pace.perSecond).map((line) => line.toString('utf8'));
  const pool = new pg.Pool({ ...withSynchronousCommit(databaseUrl), max: 4 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_bare (seq bigserial PRIMARY KEY, line text NOT NULL)');
  const run = await pacedInBlocks(pace.perSecond, blocksOf({ inBlocks, seconds: pace.seconds }), (i) => pool.query('INSERT INTO bench_bare (line) VALUES ($1)', [lines[i]!]));
  await pool.end();
  return { ...summarise(run), lineBytes: median(lines.map((line) => Buffer.byteLength(line))) };
}

/** The store: a turn, the decision on the state it gives, the commit, as execute() runs a phone's share. */
export async function ackPgStore({ databaseUrl, from, inBlocks = false, ...pace }: PacedArgs & InBlocks & PgTarget & { from: number }) {
  const count = pace.seconds * pace.perSecond;
  const store = await openPgStore(databaseUrl, { log: quiet });
  await store.turn();
  if (store.state.booths.size === 0) await store.commit({ events: eventsOf(boothDecision(store.state, 0)) });
  await store.turn();
  await saveProfilesAtOnce(store, from, count);
  const slugs = slugsOf(store.state);
  const run = await pacedInBlocks(pace.perSecond, blocksOf({ inBlocks, seconds: pace.seconds }), async (i) => {
    await store.turn();
    const studentId = studentIdOf(from + i);
    const events = eventsOf(shareDetails(store.state, { studentId, slug: slugs[i % slugs.length]! }, new Date()));
    return store.commit({ events, key: `student:${studentId}:${actionId()}` });
  });
  await store.close();
  return summarise(run);
}
