// The one interface to persistence. The file store (journal + lowdb snapshot) implements it, and
// the PostgreSQL store (pg/pgStore.ts) past one machine; both pass the same contract suite.
import type { Change, FairEvent, FairState } from '../domain/types.ts';

export interface CommitRecord {
  events: FairEvent[];
  /**
   * Idempotency key of the client action that produced the events, if any. The store remembers
   * the keys it applied (in the same durable record), not what the action answered: a repeat is
   * answered from the state as it is then (server/execute.ts).
   */
  key?: string;
  /**
   * The events as JSON.stringify gives them, when the command made that text ahead, a slice at a
   * time: for 10,000 booths of an import, 10-24 ms in one go, in the turn that commits. Written as it is.
   */
  eventsJson?: string;
}

/**
 * Whether an action's key was applied: `false` (never, or its write failed), `true` (applied and
 * durable), or a promise while it is applied in memory but still being made durable, which
 * resolves `true` once it is durable and `false` if its write failed.
 */
export type Applied = boolean | Promise<boolean>;

export interface Store {
  /**
   * The current state, including commits that are not yet durable. Read it; never mutate it, and
   * never keep it: after a failed write the store replaces it with a new object holding what is
   * on disk. A new object means memory went back; anything derived from the old one (a booth's
   * feed numbers a tablet saw) may no longer hold, as after a restart.
   */
  readonly state: FairState;
  /**
   * Applies the events to `state` at once (so the next decision sees them), then resolves, once
   * the record is durable on disk, with each event and the number its booth's feed gave it. Rejects with a StorageError if it cannot be made durable;
   * the events then leave `state` (when memory is reloaded from disk, moments later), with those of
   * every commit refused with it, and from then on `applied` answers false for their keys.
   */
  commit(record: CommitRecord): Promise<Change[]>;
  /**
   * Past one machine (several server processes on one fair): resolves once memory holds every
   * commit any process made, and from then until the commits made in that turn of the event loop
   * are durable, no other process commits. A command awaits it before it checks its key and
   * decides, so it decides on the fair as every process has it. Rejects with a StorageError while
   * the database does not answer: the command is refused at once, as its commit would be. A store
   * of one process has none: its memory is the whole fair at every moment.
   */
  turn?(): Promise<void>;
  /**
   * Past one machine: resolves once memory holds every commit any process made before it was
   * asked, without the lock. A read awaits it (everyCommit), so that what a screen heard of from
   * another process a moment ago, through the adapter, is there when it asks for it here. If the
   * database cannot be read it resolves all the same: the read answers from memory as it is.
   */
  caughtUp?(): Promise<void>;
  /**
   * Past one machine: the era of the booths' numbers, the same on every process (realtime/epoch.ts).
   * A store of one process has none: each state object it holds is an era.
   */
  epoch?(): string;
  /** Whether the action with this idempotency key was applied, and whether that is durable yet. */
  applied(key: string): Applied;
  /**
   * Begins, in short turns, what the start left for later: the file store reads the students and
   * introductions of a large db.json that it left on disk (entitiesOnDisk.ts). Called once the
   * server listens, so that no turn of the start itself waits behind it.
   */
  afterStart?(): void;
  /**
   * Writes a snapshot of the current state now and removes every journal record it covers, the
   * backup segment included, so data erased from memory is gone from disk. Waits for a snapshot
   * already being written and for the commits before it; rejects with a StorageError if it could
   * not (the data is then still safe, in the old files).
   */
  scrub(): Promise<void>;
  /** Flushes pending writes, writes a last snapshot and releases the data folder. */
  close(): Promise<void>;
}

export class StorageError extends Error {
  readonly code = 'STORAGE' as const;
}

/**
 * The state, once it holds every commit any process made before the call (past one machine): a
 * tablet that heard of a request through another process finds it here, and what the organiser
 * exports at the end of the day is the whole fair, whichever process answers.
 */
export async function everyCommit(store: Store): Promise<FairState> {
  if (store.caughtUp) await store.caughtUp();
  return store.state;
}
