// db.json: the whole fair as of one journal seq, readable by a human, held by lowdb through an
// adapter of ours (lowdb's own JSONFile decodes every file as UTF-8, the slow way; see below).
import { isAscii } from 'node:buffer';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { initialState } from '../domain/state.ts';
import type { FairState } from '../domain/types.ts';
import { isMissing, type StoreIo } from './io.ts';
import { isObject, type AppliedReplies } from './record.ts';
import { captureSnapshot, isCollection, writeSnapshotJson, type CapturedSnapshot, type WriteOptions } from './snapshotWriter.ts';

export const SNAPSHOT_FILE = 'db.json';
const TEMP_FILE = `.${SNAPSHOT_FILE}.tmp`;

export interface Snapshot {
  /** The last journal seq whose events `state` contains. */
  seq: number;
  state: FairState;
  applied: AppliedReplies;
}

export type SnapshotRead =
  | { kind: 'none' }
  | { kind: 'ok'; snapshot: Snapshot }
  | { kind: 'damaged'; problem: string; error?: unknown };

/**
 * lowdb's Adapter for db.json. Reading: a large db.json is all ASCII (snapshotWriter.ts), and
 * decoding it as latin1, which is the same text then, takes a quarter of the time of UTF-8.
 * Writing: atomic and durable, through writeSnapshotFile.
 */
export class SnapshotAdapter implements Adapter<unknown> {
  constructor(
    private readonly io: StoreIo,
    private readonly dir: string,
  ) {}

  async read(): Promise<unknown> {
    let bytes: Buffer;
    try {
      bytes = await this.io.readFile(path.join(this.dir, SNAPSHOT_FILE));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as unknown;
  }

  async write(data: unknown): Promise<void> {
    const { seq, state, applied } = data as Snapshot;
    await writeSnapshotFile(this.io, this.dir, captureSnapshot(seq, state, applied));
  }
}

/** Reads and checks db.json. Never throws for damage: recovery decides whether the journal can stand in. */
export async function readSnapshot(io: StoreIo, dir: string): Promise<SnapshotRead> {
  const db = new Low<unknown>(new SnapshotAdapter(io, dir), null);
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // EACCES, EIO: not damage, and not ours to rebuild over
    return { kind: 'damaged', problem: 'it is not valid JSON', error };
  }
  // A missing file reads as null, and a file holding `null` too: only the first is "none".
  if (db.data === null) return (await exists(path.join(dir, SNAPSHOT_FILE))) ? { kind: 'damaged', problem: 'it is not a JSON object' } : { kind: 'none' };
  const problem = snapshotProblem(db.data);
  if (problem !== undefined) return { kind: 'damaged', problem };
  const snapshot = db.data as { seq: number; state: Record<string, unknown>; applied?: AppliedOnDisk };
  const state = Object.fromEntries(Object.entries(snapshot.state).map(([key, part]) => [key, isCollection(key) ? byId(part as Collection) : part]));
  return { kind: 'ok', snapshot: { seq: snapshot.seq, state: state as unknown as FairState, applied: appliedReplies(snapshot.applied) } };
}

/** The applied replies in db.json: two lists, keys and replies, or (in files written before lists) an object. */
type AppliedOnDisk = { keys: string[]; replies: unknown[] } | Record<string, unknown>;

/** Called once snapshotProblem has checked that lists pair up. */
function appliedReplies(applied: AppliedOnDisk = { keys: [], replies: [] }): AppliedReplies {
  if (!inLists(applied)) return new Map(Object.entries(applied));
  const replies: AppliedReplies = new Map();
  for (let i = 0; i < applied.keys.length; i++) replies.set(applied.keys[i]!, applied.replies[i]);
  return replies;
}

/** The shape written since lists: `keys` is a list (a key of an older file's object never is "keys"). */
const inLists = (applied: unknown): applied is { keys: string[]; replies: unknown[] } => isObject(applied) && Array.isArray(applied.keys);

function pairUp({ keys, replies, ...rest }: { keys: unknown[]; replies?: unknown }): boolean {
  return Object.keys(rest).length === 0 && Array.isArray(replies) && keys.length === replies.length && keys.every((key) => typeof key === 'string');
}

/** A collection in db.json: a list of entities, or (in files written before lists) an object of them by id. */
type Collection = { id: string }[] | Record<string, unknown>;

/** A collection as the state holds it: its entities by id. */
function byId(collection: Collection): Map<string, unknown> {
  if (!Array.isArray(collection)) return new Map(Object.entries(collection));
  const entities = new Map<string, unknown>();
  for (const entity of collection) entities.set(entity.id, entity);
  return entities;
}

/**
 * Replaces db.json atomically and durably: temp file, fsync, rename, fsync the folder.
 * lowdb's own writer (steno) renames but never fsyncs, so a power cut could leave an empty db.json.
 * The snapshot is serialised over many turns of the event loop (snapshotWriter.ts), while
 * commits go on changing memory.
 */
export async function writeSnapshotFile(io: StoreIo, dir: string, snapshot: CapturedSnapshot, options: WriteOptions = {}): Promise<void> {
  const temp = path.join(dir, TEMP_FILE);
  try {
    const handle = await io.open(temp, 'w');
    try {
      await writeSnapshotJson(handle, snapshot, options);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, path.join(dir, SNAPSHOT_FILE));
    await io.fsyncDir(dir);
  } catch (error) {
    await io.rm(temp).catch(() => undefined); // a full disk gets its space back
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: unknown) => {
      if (isMissing(error)) return false;
      throw error;
    },
  );
}

function snapshotProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'it is not a JSON object';
  if (!Number.isSafeInteger(data.seq) || (data.seq as number) < 0) return '"seq" is not a whole number';
  if (!isObject(data.state)) return '"state" is not an object';
  for (const part of Object.keys(initialState())) {
    const value = data.state[part];
    if (isCollection(part) ? !isList(value) : !isObject(value)) return `"state.${part}" is missing`;
    if (Array.isArray(value) && !value.every(hasId)) return `an entry of "state.${part}" has no "id"`;
  }
  if (data.applied !== undefined && !isObject(data.applied)) return '"applied" is not an object';
  // Lists that do not pair up: the keys would be read as an older file's object, and lost.
  if (inLists(data.applied) && !pairUp(data.applied)) return '"applied.keys" and "applied.replies" do not pair up';
  return undefined;
}

/** A collection: a list of entities, or (written before lists) an object of them by id. */
const isList = (value: unknown): boolean => Array.isArray(value) || isObject(value);
const hasId = (entity: unknown): boolean => isObject(entity) && typeof entity.id === 'string';
