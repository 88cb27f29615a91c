// The store past one machine: the fair's records in PostgreSQL, shared by every server process.
// Each process keeps the whole fair in memory, as the file store does, and applies the records
// of the shared table in their one order. A process decides only in a turn (Store.turn): it takes
// the fair's lock (a transaction-scoped advisory lock), applies what the other processes appended
// since, lets the commands waiting for the turn decide on that state, appends their records and
// commits (synchronous commit) before anyone is told "done". Turns of one process share one
// transaction, as the journal's group commit shares one fdatasync. Between turns a process follows
// the others' commits as PostgreSQL notifies them, so that what it shows is current.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { PoolConfig, PoolClient } from 'pg';
import { initialState } from '../../domain/state.ts';
import type { Change, FairState } from '../../domain/types.ts';
import { CLOSED_MESSAGE } from '../messages.ts';
import { applyRecord, journalRecordProblem, KeptKeys, SavingKeys, toJournalLine, type JournalRecord } from '../record.ts';
import { snapshotFromText, snapshotText } from '../snapshot.ts';
import { captureSnapshot, type CapturedSnapshot } from '../snapshotWriter.ts';
import { StorageError, type Applied, type CommitRecord, type Store } from '../store.ts';
import { APPEND_LOCK, migrate, SNAPSHOT_LOCK } from './schema.ts';
import { SNAPSHOT_EVERY_RECORDS } from '../snapshotPolicy.ts';

/** Given to a client whose action could not be committed to the database. */
export const DATABASE_FAILED_MESSAGE =
  'The server could not save that: the database did not answer. Nothing was changed; try again in a moment.';

const NOTIFY_CHANNEL = 'boothlink_records';
/** The era of the booths' numbers (Store.epoch), one for every process, and how a new one is told. */
const EPOCH = 'epoch';
const EPOCH_CHANNEL = 'boothlink_epoch';
const newEpoch = (): string => randomBytes(16).toString('base64url');
/** How soon a reload that failed (the database cannot be read) is tried again. */
const RELOAD_RETRY_MS = 1_000;

export interface PgStoreOptions {
  log?: (line: string) => void;
  /** The clock the applied keys age by (KeptKeys). */
  now?: () => number;
  /** Records between two snapshots (tests lower it). */
  snapshotEvery?: number;
}

export interface PgStore extends Store {
  /** The schema version the database is at. */
  readonly schemaVersion: number;
  /** A setting every process shares: the value stored, or, the first time, `make()`'s, stored. */
  setting(name: string, make: () => string): Promise<string>;
  epoch(): string;
  turn(): Promise<void>;
  caughtUp(): Promise<void>;
}

/** What memory holds of the fair, and up to which record. */
interface Memory {
  state: FairState;
  applied: KeptKeys;
  /** The seq of the last record applied to memory (committed or not). */
  seq: number;
  /** The seq of the last record memory holds that is committed, with every one before it in the table's order. */
  committed: number;
  /** The seq of the newest snapshot this process knows of (it loaded or wrote). */
  snapshotSeq: number;
}

type Row = { seq: string; line: string };

interface Pending {
  line: string;
  record: CommitRecord;
  changes: Change[];
  resolve: (changes: Change[]) => void;
  reject: (error: Error) => void;
}

export async function openPgStore(connection: string | PoolConfig, options: PgStoreOptions = {}): Promise<PgStore> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? Date.now;
  const pool = new pg.Pool({ ...withSynchronousCommit(connection), max: 4 });
  // An idle client that loses its connection must not crash the server: the next query says so.
  pool.on('error', () => undefined);
  let writer: PoolClient | undefined;
  let listener: PoolClient | undefined;
  let schemaVersion: number;
  let memory: Memory;
  try {
    schemaVersion = await migrate(pool);
    writer = await connectWriter(pool);
    memory = await load(writer, now);
    listener = await pool.connect();
  } catch (error) {
    writer?.release();
    await pool.end().catch(() => undefined);
    throw new Error(`Could not open the fair's database: ${(error as Error).message}`);
  }

  /** Commands waiting to decide; they decide together in the next turn. */
  let waiting: { go: () => void; refuse: (error: StorageError) => void }[] = [];
  /** Reads waiting for memory to hold every commit made before they asked (Store.caughtUp). */
  let readers: (() => void)[] = [];
  /** While a turn's commands decide: their commits go into that turn's transaction. */
  let deciding = false;
  /** Records applied to memory and not yet committed, in seq order. */
  let pending: Pending[] = [];
  /** Whether another process committed records that memory does not hold yet. */
  let behind = false;
  /** Scrubs asked for, each resolved once the tables hold no record it covers. */
  let scrubs: { resolve: () => void; reject: (error: Error) => void }[] = [];
  /** The scrub being written beside the turns, if one: the next waits for it. */
  let scrubbing: Promise<void> | undefined;
  let running: Promise<void> | undefined;
  /** While memory is being reloaded after a failed commit: every commit is refused. */
  let reloading: Promise<void> | undefined;
  let refusedKeys = new Set<string>();
  const saving = new SavingKeys();
  let closing: Promise<void> | undefined;
  let snapshotting: Promise<void> | undefined;
  const snapshotEvery = options.snapshotEvery ?? SNAPSHOT_EVERY_RECORDS;

  let epoch = await setting(EPOCH, newEpoch);
  await listen(listener);

  /** Follows the other processes' commits and epochs on `client`; if it is lost, on a new one, once the database answers. */
  async function listen(client: PoolClient): Promise<void> {
    client.on('notification', (message) => {
      if (message.channel === EPOCH_CHANNEL) {
        epoch = message.payload ?? epoch;
      } else if (Number(message.payload) > memory.committed) {
        behind = true;
        kick();
      }
    });
    let lost = false;
    client.on('error', () => {
      if (lost) return;
      lost = true;
      client.release(true);
      if (listener === client) listener = undefined;
      void listenAgain();
    });
    await client.query(`LISTEN ${NOTIFY_CHANNEL}; LISTEN ${EPOCH_CHANNEL}`);
  }

  async function listenAgain(): Promise<void> {
    while (closing === undefined) {
      try {
        const client = await pool.connect();
        await listen(client);
        listener = client;
        behind = true; // what was committed while nobody listened
        kick();
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RELOAD_RETRY_MS).unref());
      }
    }
  }

  async function setting(name: string, make: () => string): Promise<string> {
    // Two processes starting at once: the first insert wins, and both read what it wrote.
    await pool.query('INSERT INTO boothlink_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, make()]);
    const { rows } = await pool.query<{ value: string }>('SELECT value FROM boothlink_settings WHERE name = $1', [name]);
    return rows[0]!.value;
  }

  /** Commands, reads, commits or scrubs waiting for the loop (a scrub only once the one before is written). */
  const asked = () => waiting.length > 0 || readers.length > 0 || pending.length > 0 || (scrubs.length > 0 && scrubbing === undefined);

  function kick(): void {
    if (running !== undefined || (closing !== undefined && !asked())) return;
    running = work().finally(() => {
      running = undefined;
      if (asked() || (behind && closing === undefined)) kick();
    });
  }

  async function work(): Promise<void> {
    while (asked() || behind) {
      if (reloading !== undefined) {
        // The database did not answer: commands are refused now, as their commits would be, and
        // reads answered from memory as it is, not kept waiting.
        for (const command of waiting.splice(0)) command.refuse(new StorageError(DATABASE_FAILED_MESSAGE));
        for (const read of readers.splice(0)) read();
        await reloading;
      }
      // Each step below reads the table afresh before anything else: it serves the reads asked before it began.
      const served = readers.splice(0);
      if (scrubs.length > 0 && scrubbing === undefined && pending.length === 0) await startScrub(scrubs.splice(0));
      else if (waiting.length > 0 || pending.length > 0) await turn();
      else await follow();
      for (const read of served) read();
      snapshotIfDue();
    }
  }

  /**
   * Every `snapshotEvery` records, a snapshot, so that a process starting (or catching up after a
   * scrub) reads the fair from it and replays only what came after. Captured here, between turns,
   * where memory holds exactly what is committed; written beside the turns, on a connection of its
   * own. The two newest snapshots stay, and once there are two, the records the older covers go.
   * One that fell due while the one before was written is taken when that one is done: at once if
   * the loop is idle (memory then holds what is committed), else at the end of the loop's step.
   */
  function snapshotIfDue(): void {
    if (snapshotting !== undefined || closing !== undefined || pending.length > 0 || memory.committed - memory.snapshotSeq < snapshotEvery) return;
    const captured = captureSnapshot(memory.seq, memory.state, memory.applied);
    memory.snapshotSeq = captured.seq;
    snapshotting = writeSnapshot(captured)
      .catch((error: Error) => log(`Could not write a snapshot of the fair to the database: ${error.message}. The records still hold everything; trying again later.`))
      .finally(() => {
        snapshotting = undefined;
        if (running === undefined) snapshotIfDue();
      });
  }

  /**
   * Writes a captured snapshot beside the turns, on a connection of its own. A scrub's then rewrites
   * both tables (VACUUM FULL), so the rows it deleted leave their files too.
   */
  async function writeSnapshot(captured: CapturedSnapshot, { scrub = false } = {}): Promise<void> {
    const body = await snapshotText(captured);
    const client = await pool.connect();
    try {
      await storeSnapshot(client, captured.seq, body, { scrub });
      if (scrub) await client.query('VACUUM FULL boothlink_records, boothlink_snapshots');
    } finally {
      client.release();
    }
  }

  /** Between turns: applies what the other processes committed, without the lock. */
  async function follow(): Promise<void> {
    behind = false;
    try {
      await catchUpNow();
    } catch (error) {
      log(`Could not read the fair's latest changes from the database: ${(error as Error).message}`);
    }
  }

  /**
   * Outside a turn: applies the records past memory's, in one query (one statement sees one
   * snapshot of the table, and records are appended in seq order under the lock).
   */
  async function catchUpNow(): Promise<void> {
    const client = writer!;
    await applyCaught((await client.query<Row>(recordsAfter(memory.committed))).rows, () => load(client, now));
  }

  /**
   * Applies caught-up records, in order, with nothing pending. Records before them gone (a scrub
   * deleted them meanwhile): memory is loaded again from the latest snapshot, by `reread`.
   */
  async function applyCaught(rows: Row[], reread: () => Promise<Memory>): Promise<void> {
    if (rows.length === 0) return;
    if (Number(rows[0]!.seq) !== memory.committed + 1) {
      memory = await reread();
      return;
    }
    for (const row of rows) applyLine(memory, row.line, Number(row.seq));
  }

  /** Appends records after the last one in the table; true if another process had appended since memory's last. */
  async function append(client: PoolClient, batch: Pending[]): Promise<boolean> {
    const { rows } = await client.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM boothlink_records');
    const last = Math.max(Number(rows[0]?.seq ?? 0), memory.committed);
    const reordered = last !== memory.committed;
    const lines = batch.map((p, i) => (reordered ? toJournalLine(last + 1 + i, p.record) : p.line));
    await client.query(insertRecords(client, last + 1, lines));
    if (!reordered) memory.committed = last + batch.length;
    return reordered;
  }

  /**
   * One turn: the lock, the others' records, this process's decisions, one commit. Two round trips
   * in the usual case (its statements sent together), and the commit's flush to disk.
   */
  async function turn(): Promise<void> {
    const client = writer!;
    let early: Pending[] = [];
    let batch: Pending[] = [];
    try {
      // Commits made outside a turn were decided on memory that may not have held the others'
      // records: they are appended after whatever came first, and memory is then read again in
      // the table's order before this turn's commands decide.
      early = pending.splice(0);
      if (early.length > 0) {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
        if (await append(client, early)) {
          memory = await loadIn(client, now);
          log('Changes made outside a turn met changes of another server process; reloaded the fair from the database.');
        }
      } else {
        // Numbers only in the text: the statements go as one simple query.
        const results = (await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${APPEND_LOCK}); ${recordsAfter(memory.committed)}`)) as unknown as pg.QueryResult<Row>[];
        await applyCaught(results[2]!.rows, () => loadIn(client, now));
      }
      deciding = true;
      for (const command of waiting.splice(0)) command.go();
      await new Promise((resolve) => setImmediate(resolve)); // every command of the turn decides
      deciding = false;
      batch = pending.splice(0);
      const first = memory.committed + 1;
      const last = first + batch.length - 1;
      const insert = batch.length > 0 ? insertRecords(client, first, batch.map((p) => p.line)) : '';
      const notify = early.length + batch.length > 0 ? `SELECT pg_notify('${NOTIFY_CHANNEL}', '${batch.length > 0 ? last : memory.committed}'); ` : '';
      await client.query(`${insert}${notify}COMMIT`);
      if (batch.length > 0) memory.committed = last;
      for (const p of [...early, ...batch]) p.resolve(p.changes);
    } catch (error) {
      deciding = false;
      await client.query('ROLLBACK').catch(() => undefined);
      failed([...early, ...batch, ...pending.splice(0)], error as Error);
    }
  }

  /** A turn could not commit: its records, and any decided on top of them, are refused; memory is reloaded. */
  function failed(batch: Pending[], error: Error): void {
    log(`Could not commit to the fair's database: ${error.message}. Refusing ${batch.length} change(s); reloading the fair from the database.`);
    for (const p of batch) if (p.record.key !== undefined) refusedKeys.add(p.record.key);
    for (const p of batch) p.reject(new StorageError(DATABASE_FAILED_MESSAGE));
    reloading ??= reload().finally(() => (reloading = undefined));
  }

  async function reload(): Promise<void> {
    for (;;) {
      try {
        if (writer !== undefined) writer.release(true); // its connection may be the one that broke
        writer = await connectWriter(pool);
        memory = await load(writer, now);
        // Memory went back past numbers a screen may have read: every process moves to a new epoch.
        epoch = newEpoch();
        await writer.query(`UPDATE boothlink_settings SET value = $1 WHERE name = '${EPOCH}'`, [epoch]);
        await writer.query(`SELECT pg_notify('${EPOCH_CHANNEL}', $1)`, [epoch]);
        refusedKeys = new Set();
        return;
      } catch (error) {
        writer = undefined;
        log(`Could not reload the fair from the database: ${(error as Error).message}. Refusing changes; trying again in ${RELOAD_RETRY_MS} ms.`);
        if (closing !== undefined) return;
        await new Promise((resolve) => setTimeout(resolve, RELOAD_RETRY_MS).unref());
      }
    }
  }

  /**
   * Captures the fair as of now, between turns, and writes it beside them as the only snapshot,
   * deleting every record and older snapshot it covers: the turns go on meanwhile. Written in the
   * loop, the scrub of 100,000 introductions held this process's commands ~2.9 s (two processes on
   * a 2-core VM); beside it, at most 0.15 s.
   */
  async function startScrub(asked: typeof scrubs): Promise<void> {
    const failed = (error: Error) => {
      log(`Could not wipe removed data from the fair's database: ${error.message}`);
      for (const s of asked) s.reject(new StorageError(DATABASE_FAILED_MESSAGE));
    };
    let captured: CapturedSnapshot;
    try {
      await catchUpNow();
      captured = captureSnapshot(memory.seq, memory.state, memory.applied);
    } catch (error) {
      return failed(error as Error);
    }
    scrubbing = writeSnapshot(captured, { scrub: true })
      .then(() => {
        memory.snapshotSeq = Math.max(memory.snapshotSeq, captured.seq);
        for (const s of asked) s.resolve();
      }, failed)
      .finally(() => {
        scrubbing = undefined;
        kick(); // the next scrub asked meanwhile
      });
  }

  const store: PgStore = {
    schemaVersion,

    setting,

    epoch: () => epoch,

    get state() {
      return memory.state;
    },

    turn(): Promise<void> {
      if (reloading !== undefined) return Promise.reject(new StorageError(DATABASE_FAILED_MESSAGE));
      return new Promise((go, refuse) => {
        waiting.push({ go, refuse });
        kick();
      });
    },

    caughtUp(): Promise<void> {
      if (closing !== undefined || reloading !== undefined) return Promise.resolve();
      return new Promise((resolve) => {
        readers.push(resolve);
        kick();
      });
    },

    commit(record: CommitRecord): Promise<Change[]> {
      if (closing !== undefined) return Promise.reject(new StorageError(CLOSED_MESSAGE));
      if (reloading !== undefined) return Promise.reject(new StorageError(DATABASE_FAILED_MESSAGE));
      let line: string;
      try {
        line = toJournalLine(memory.seq + 1, record);
      } catch (error) {
        return Promise.reject(error); // not JSON-serialisable: a bug in the caller; memory untouched
      }
      memory.seq += 1;
      const changes = applyRecord(memory.state, memory.applied, record);
      const saved = new Promise<Change[]>((resolve, reject) => pending.push({ line, record, changes, resolve, reject }));
      saving.add(record.key, saved);
      if (!deciding) kick();
      return saved;
    },

    applied(key: string): Applied {
      if (reloading !== undefined && refusedKeys.has(key)) return false;
      return saving.get(key) ?? memory.applied.has(key);
    },

    scrub(): Promise<void> {
      if (closing !== undefined) return Promise.reject(new StorageError(CLOSED_MESSAGE));
      return new Promise((resolve, reject) => {
        scrubs.push({ resolve, reject });
        kick();
      });
    },

    close(): Promise<void> {
      closing ??= (async () => {
        while (running !== undefined || scrubbing !== undefined) await (running ?? scrubbing);
        await reloading;
        await snapshotting;
        listener?.release(true);
        writer?.release();
        await pool.end();
      })();
      return closing;
    },
  };
  return store;
}

/**
 * The connection the turns run on. A connection that breaks while nothing runs on it must not take
 * the process down: the next query on it fails, and the store reloads on a new one.
 */
async function connectWriter(pool: pg.Pool): Promise<PoolClient> {
  const client = await pool.connect();
  client.on('error', () => undefined);
  return client;
}

/** The fair as the tables hold it: the latest snapshot, and every record past it, in one read. */
async function load(client: PoolClient, now: () => number): Promise<Memory> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const memory = await loadIn(client, now);
    await client.query('COMMIT');
    return memory;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** `load` inside a transaction the caller holds. */
async function loadIn(client: PoolClient, now: () => number): Promise<Memory> {
  const snapshots = await client.query<{ seq: string; body: string }>('SELECT seq, body FROM boothlink_snapshots ORDER BY seq DESC LIMIT 1');
  let memory: Memory = { state: initialState(), applied: new KeptKeys(new Set(), now), seq: 0, committed: 0, snapshotSeq: 0 };
  const row = snapshots.rows[0];
  if (row !== undefined) {
    const read = await snapshotFromText(row.body);
    if (read.kind !== 'ok') throw new Error(`the snapshot at seq ${row.seq} is not a readable Boothlink snapshot (${read.kind === 'damaged' ? read.problem : 'empty'})`);
    const { state, applied, seq } = read.snapshot;
    memory = { state, applied: new KeptKeys(applied, now), seq, committed: seq, snapshotSeq: seq };
  }
  for (const row of (await client.query<Row>(recordsAfter(memory.seq))).rows) applyLine(memory, row.line, Number(row.seq));
  return memory;
}

/** The records past `seq`, in order; a number only in the text, so it can go with other statements as one simple query. */
const recordsAfter = (seq: number): string => `SELECT seq, line FROM boothlink_records WHERE seq > ${Math.trunc(seq)} ORDER BY seq`;

/** Appends lines numbered from `first`, as literals, so it can go with the turn's NOTIFY and COMMIT as one simple query. */
const insertRecords = (client: PoolClient, first: number, lines: readonly string[]): string =>
  `INSERT INTO boothlink_records (seq, line) VALUES ${lines.map((line, i) => `(${first + i}, ${client.escapeLiteral(line)})`).join(', ')}; `;

/**
 * Adds a snapshot, unless one as new is there already (then it would add nothing), and keeps the
 * two newest, deleting the records the older one covers once there are two; a scrub keeps only the
 * newest (another process may have scrubbed past this one meanwhile) and deletes every record it
 * covers. In one transaction. Periodic snapshots and scrubs both hold SNAPSHOT_LOCK, so a snapshot
 * captured before an erasure never lands after the scrub's.
 *
 * A turn that reloads memory inside its own transaction reads the newest snapshot, then the records
 * past it, in two statements: were a scrub's commit to fall between them, it would find the records
 * gone. So a scrub holds the turns' APPEND_LOCK too, from its last statement to its commit: a turn
 * then runs wholly before or wholly after it. Taken only then, not for the writing of the snapshot
 * (70 MB at 100,000 introductions), during which every process's turns used to wait, up to 1.3 s.
 */
async function storeSnapshot(client: PoolClient, seq: number, body: string, { scrub }: { scrub: boolean }): Promise<void> {
  const keep = scrub ? 1 : 2;
  const oldestKept = `(SELECT min(seq) FROM (SELECT seq FROM boothlink_snapshots ORDER BY seq DESC LIMIT ${keep}) AS newest)`;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${SNAPSHOT_LOCK})`);
    await client.query('INSERT INTO boothlink_snapshots (seq, body) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM boothlink_snapshots WHERE seq >= $1)', [seq, body]);
    await client.query(`DELETE FROM boothlink_snapshots WHERE seq < ${oldestKept}`);
    await client.query(`DELETE FROM boothlink_records WHERE seq <= ${oldestKept} AND (SELECT count(*) FROM boothlink_snapshots) >= ${keep}`);
    if (scrub) await client.query(`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Applies one record of the table to memory, checked as the journal's lines are. */
function applyLine(memory: Memory, line: string, seq: number): void {
  const record = JSON.parse(line) as JournalRecord;
  const problem = journalRecordProblem(record);
  // The seq only: the record holds personal data.
  if (problem !== undefined) throw new Error(`the record at seq ${seq} is damaged: ${problem}`);
  if (seq !== memory.committed + 1) throw new Error(`the records jump from seq ${memory.committed} to ${seq}`);
  applyRecord(memory.state, memory.applied, record);
  memory.seq = memory.committed = seq;
}

/**
 * The connection settings with `synchronous_commit` on, whatever the database's default: "done"
 * only once the commit is on the database's disk. Added to the settings' own `options` (the URL's
 * `?options=` included, which would otherwise win over a separate one).
 */
export function withSynchronousCommit(connection: string | PoolConfig): PoolConfig {
  const SYNCHRONOUS = '-c synchronous_commit=on';
  const config: PoolConfig = typeof connection === 'string' ? { connectionString: connection } : { ...connection };
  if (config.connectionString === undefined) return { ...config, options: [config.options, SYNCHRONOUS].filter(Boolean).join(' ') };
  const url = new URL(config.connectionString);
  url.searchParams.set('options', [url.searchParams.get('options') ?? config.options, SYNCHRONOUS].filter(Boolean).join(' '));
  return { ...config, connectionString: url.toString(), options: undefined };
}
