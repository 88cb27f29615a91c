// db.json: the whole fair as of one journal seq, readable by a human, held by lowdb through an
// adapter of ours (lowdb's own JSONFile reads the whole file at once, the slow way; see below).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { sharedFields } from '../domain/introductions.ts';
import { initialState } from '../domain/state.ts';
import type { FairState } from '../domain/types.ts';
import type { ProfileField } from '../../shared/schema.ts';
import { dropInSteps, isMissing, type StoreFile, type StoreIo } from './io.ts';
import { isObject } from './record.ts';
import { LinesOnDisk } from './entitiesOnDisk.ts';
import { parseJsonLines, type OnEntry } from './snapshotReader.ts';
import { CRC32_KEY, isCollection, writeSnapshotJson, type CapturedSnapshot, type WriteOptions } from './snapshotWriter.ts';

export const SNAPSHOT_FILE = 'db.json';
const TEMP_FILE = `.${SNAPSHOT_FILE}.tmp`;

export interface Snapshot {
  /** The last journal seq whose events `state` contains. */
  seq: number;
  /**
   * The seq of the last erasure or purge in `state` (0: none): once that wipe is finished, no
   * journal line before it is left in the folder (see unfinishedWipe.ts). Undefined in a db.json
   * written before it was kept: the journal's segments must then be read to tell.
   */
  lastWipeSeq?: number;
  state: FairState;
  applied: Set<string>;
}

export type SnapshotRead =
  | { kind: 'none' }
  | { kind: 'ok'; snapshot: Snapshot }
  | { kind: 'damaged'; problem: string; error?: unknown };

/**
 * lowdb's Adapter for db.json, the one place that reads and writes the file. lowdb's `Low` reads
 * through it at start-up; compaction.ts writes a captured snapshot through it. lowdb's own JSONFile
 * would not do: it reads the whole file into memory and parses it in one go, where ours reads it a
 * line at a time (snapshotReader.ts); and its writer (steno) renames but never fsyncs, and
 * serialises in one go, where ours takes many turns.
 */
export class SnapshotAdapter implements Adapter<unknown> {
  /** Whether the last read found the file: a missing db.json and one holding `null` both read as null. */
  found = false;

  constructor(
    private readonly io: StoreIo,
    private readonly dir: string,
    private readonly options: WriteOptions & ReadOptions = {},
  ) {}

  async read(): Promise<unknown> {
    const file = path.join(this.dir, SNAPSHOT_FILE);
    try {
      const data = await parseJsonLines(() => this.io.readChunks(file), shareFieldsOnRead, linesLeftOnDisk(file, this.options.deferFromBytes));
      this.found = true;
      return data;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error; // readSnapshot tells damage from the disk's errors; `found` only matters for a null read
    }
  }

  /**
   * Replaces db.json atomically and durably: temp file, fdatasync, rename, fsync the folder. The
   * snapshot is serialised over many turns of the event loop (snapshotWriter.ts), while commits go
   * on changing memory.
   */
  async write(data: unknown): Promise<void> {
    const snapshot = data as CapturedSnapshot; // lowdb types read and write alike; compaction.ts writes a CapturedSnapshot
    const { io, dir } = this;
    const temp = path.join(dir, TEMP_FILE);
    try {
      const handle = await io.open(temp, 'w');
      try {
        await writeSnapshotJson(handle, snapshot, this.options);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      const target = path.join(dir, SNAPSHOT_FILE);
      // The db.json replaced is freed once the new one's name is durable, a few MB at a time.
      await dropInSteps(io, target, async () => {
        await io.rename(temp, target);
        await io.fsyncDir(dir);
      });
    } catch (error) {
      await io.rm(temp).catch(() => undefined); // a full disk gets its space back
      throw error;
    }
  }
}

/**
 * Each introduction read from a line of its own gets the one shared list of its fields
 * (sharedFields), before V8 copies the list it was parsed into to the old generation: 14 MB less
 * at 100,000 introductions. Changed in place: the entry is fresh from JSON.parse and no one else's.
 * Its ids are left as read (sharing them cost more time at start than the 8 MB it saves); the
 * introductions made during the day share theirs too (compactIntroduction, applied by state.ts).
 */
const shareFieldsOnRead: OnEntry = (list, entry) => {
  if (list === 'introductions' && isObject(entry) && Array.isArray(entry.fields)) entry.fields = sharedFields(entry.fields as ProfileField[]);
  return entry;
};

export interface ReadOptions {
  /**
   * From this size on, db.json's students and introductions are read at first use
   * (entitiesOnDisk.ts); undefined: all are read at start. Such entities are read with synchronous
   * reads of the file itself, so only a store on the real disk (nodeIo) asks for it.
   */
  deferFromBytes?: number;
}

/**
 * The file opened for the entities left on disk, when db.json is at least `fromBytes` and its last
 * line is a CRC-32's (snapshotWriter.ts): a file written before it, or a small one, is read in full
 * at once, rather than twice. The same descriptor reads the file's end and, later, the entities.
 */
function linesLeftOnDisk(file: string, fromBytes: number | undefined): LinesOnDisk | undefined {
  if (fromBytes === undefined) return undefined;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // a missing file: read as before, which says so
  }
  const { size } = fstatSync(fd);
  const tail = Buffer.alloc(Math.min(TAIL_BYTES, size));
  const read = readSync(fd, tail, 0, tail.length, size - tail.length);
  if (size >= fromBytes && ENDS_WITH_CRC32.test(tail.toString('latin1', 0, read))) return new LinesOnDisk(file, fd, entityOf);
  closeSync(fd);
  return undefined;
}

/** Enough of the file's end for its last line, `,"crc32":…}`. */
const TAIL_BYTES = 64;
const ENDS_WITH_CRC32 = new RegExp(`\\n,"${CRC32_KEY}":\\d+}$`);

/** A deferred entity, read from its line as the reader reads every entry (shareFieldsOnRead). */
const entityOf = (list: string, text: string): unknown => shareFieldsOnRead(list, JSON.parse(text));

/** Reads and checks db.json. Never throws for damage: recovery decides whether the journal can stand in. */
export async function readSnapshot(io: StoreIo, dir: string, options: ReadOptions = {}): Promise<SnapshotRead> {
  const adapter = new SnapshotAdapter(io, dir, options);
  const db = new Low<unknown>(adapter, null);
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // EACCES, EIO: not damage, and not ours to rebuild over
    return { kind: 'damaged', problem: 'it is not valid JSON', error };
  }
  if (db.data === null) return adapter.found ? { kind: 'damaged', problem: 'it is not a JSON object' } : { kind: 'none' };
  return checkedSnapshot(db.data);
}

/**
 * A snapshot kept elsewhere than db.json (the PostgreSQL store's table), read from its text as
 * db.json is read. Never throws for damage.
 */
export async function snapshotFromText(text: string): Promise<SnapshotRead> {
  let data: unknown;
  try {
    data = await parseJsonLines(async function* () {
      yield Buffer.from(text, 'utf8');
    }, shareFieldsOnRead);
  } catch (error) {
    return { kind: 'damaged', problem: 'it is not valid JSON', error };
  }
  return checkedSnapshot(data);
}

/** The text db.json would hold for this snapshot, written over many turns as db.json is. */
export async function snapshotText(snapshot: CapturedSnapshot): Promise<string> {
  const pieces: Buffer[] = [];
  const collect = (buffer: Uint8Array, offset: number, length: number): number => {
    pieces.push(Buffer.from(buffer.subarray(offset, offset + length))); // a copy: the writer reuses its buffer
    return length;
  };
  const sink: StoreFile = {
    write: async (buffer, offset, length) => ({ bytesWritten: collect(buffer, offset, length) }),
    writeNow: collect,
    read: () => Promise.reject(new Error('a snapshot being written to text is not read')),
    datasync: () => Promise.resolve(),
    truncate: () => Promise.reject(new Error('a snapshot being written to text is not truncated')),
    stat: () => Promise.resolve({ size: pieces.reduce((n, piece) => n + piece.length, 0) }),
    close: () => Promise.resolve(),
  };
  await writeSnapshotJson(sink, snapshot);
  return Buffer.concat(pieces).toString('utf8');
}

function checkedSnapshot(data: unknown): SnapshotRead {
  const problem = snapshotProblem(data);
  if (problem !== undefined) return { kind: 'damaged', problem };
  const snapshot = data as { seq: number; lastWipeSeq?: number; state: Record<string, unknown>; applied?: AppliedOnDisk };
  const state = Object.fromEntries(Object.entries(snapshot.state).map(([key, part]) => [key, isCollection(key) ? byId(part as Collection) : part]));
  const { seq, lastWipeSeq } = snapshot;
  return { kind: 'ok', snapshot: { seq, lastWipeSeq, state: state as unknown as FairState, applied: appliedKeys(snapshot.applied) } };
}

/**
 * The applied keys in db.json: a list; in files written before that, the list beside a list of
 * the replies each action got (no longer kept), or, before lists, an object of replies by key.
 */
type AppliedOnDisk = { keys: string[]; replies?: unknown[] } | Record<string, unknown>;

/** Called once snapshotProblem has checked the lists. */
function appliedKeys(applied: AppliedOnDisk = { keys: [] }): Set<string> {
  return new Set(inLists(applied) ? applied.keys : Object.keys(applied));
}

/** The shape written since lists: `keys` is a list (a key of an older file's object never is "keys"). */
const inLists = (applied: unknown): applied is { keys: string[]; replies?: unknown[] } => isObject(applied) && Array.isArray(applied.keys);

/** Only text keys and, in an older file, as many replies as keys: else the keys would be read as an older file's object, and lost. */
function listsHold({ keys, replies, ...rest }: { keys: unknown[]; replies?: unknown }): boolean {
  const repliesPairUp = replies === undefined || (Array.isArray(replies) && keys.length === replies.length);
  return Object.keys(rest).length === 0 && repliesPairUp && keys.every((key) => typeof key === 'string');
}

/**
 * A collection in db.json: a list of entities, or (in files written before lists) an object of
 * them by id; or, read from a large db.json, a Map whose entities are read at first use.
 */
type Collection = { id: string }[] | Record<string, unknown> | Map<string, unknown>;

/** A collection as the state holds it: its entities by id. */
function byId(collection: Collection): Map<string, unknown> {
  if (collection instanceof Map) return collection;
  if (!Array.isArray(collection)) return new Map(Object.entries(collection));
  const entities = new Map<string, unknown>();
  for (const entity of collection) entities.set(entity.id, entity);
  return entities;
}

function snapshotProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'it is not a JSON object';
  if (!Number.isSafeInteger(data.seq) || (data.seq as number) < 0) return '"seq" is not a whole number';
  if (data.lastWipeSeq !== undefined && (!Number.isSafeInteger(data.lastWipeSeq) || (data.lastWipeSeq as number) < 0)) return '"lastWipeSeq" is not a whole number';
  if (!isObject(data.state)) return '"state" is not an object';
  for (const part of Object.keys(initialState())) {
    const value = data.state[part];
    if (isCollection(part) ? !isList(value) : !isObject(value)) return `"state.${part}" is missing`;
    if (Array.isArray(value) && !value.every(hasId)) return `an entry of "state.${part}" has no "id"`;
  }
  if (data.applied !== undefined && !isObject(data.applied)) return '"applied" is not an object';
  if (inLists(data.applied) && !listsHold(data.applied)) return '"applied.keys" and "applied.replies" do not pair up';
  return undefined;
}

/** A collection: a list of entities, or (written before lists) an object of them by id. */
const isList = (value: unknown): boolean => Array.isArray(value) || isObject(value);
const hasId = (entity: unknown): boolean => isObject(entity) && typeof entity.id === 'string';
