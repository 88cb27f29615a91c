// db.json's text, written a slice at a time so that no turn of the event loop holds it for long.
// JSON.stringify of 100,000 introductions holds the loop ~0.5 s; here the serialising is split
// into pieces (one entity each), and the writer steps aside between slices of a millisecond or two,
// and while the journal is saving a commit, so a phone's "done" never waits behind the snapshot.
// That is safe because `apply` never changes an entity in place (state.ts): the values copied by
// captureSnapshot keep the entities of one seq, whatever is committed meanwhile.
//
// The file's shape (read back by snapshot.ts): each collection is a list of its entities, each of
// which carries its own id, so the id is not written twice; and past INDENT_UP_TO_BYTES, compact
// JSON with each entity and each applied key on a line of its own, every character outside ASCII
// written as a \u escape, and each student's profile packed into one string (profiles.ts). All
// are for start-up at 100,000 introductions: a list parses in about half the time of an object
// with 100,000 keys; a line an entity lets the start read the file a piece at a time and parse
// each line as it comes (snapshotReader.ts), never holding 70 MB of text; an all-ASCII file
// decodes at memory speed; and a packed profile is one string to parse instead of an object and
// eight strings. `jq . db.json` shows the escaped names as they are.
import { crc32 } from 'node:zlib';
import { packProfile, profileOf } from '../domain/profiles.ts';
import { COLLECTIONS } from '../domain/state.ts';
import type { FairState, Student } from '../domain/types.ts';
import { nextTurn } from '../turns.ts';
import { writeAll, writeText, type StoreFile } from './io.ts';
import { keyList, type AppliedKeys } from './record.ts';

/**
 * Up to this size db.json is indented for people, and keeps its characters as they are. Past it,
 * indentation costs time and bytes the budgets need (100,000 introductions on a 2-core laptop:
 * 74 MB and 0.3–0.5 s to write, 0.45–1 s to parse, against 52 MB, 0.25–0.3 s and 0.35–0.4 s
 * compact), while nobody reads 50 MB by eye: `jq . db.json` indents it.
 */
export const INDENT_UP_TO_BYTES = 1_000_000;
/**
 * Serialising work per turn of the event loop. A commit that arrives meanwhile waits for the rest
 * of the slice, twice (its write starts after one, its answer goes after another): against an
 * fdatasync of 1–2 ms, 2 ms keeps that wait in proportion.
 */
const SLICE_MS = 2;
/** Pieces (about one entity each) per turn at most, so a slow clock read or a fast machine still steps aside. */
export const PIECES_PER_TURN = 500;
/**
 * Bytes gathered before one write to the temp file; more than INDENT_UP_TO_BYTES (see below). Each
 * piece is copied into them as soon as it is made, so it dies young: pieces kept as a string until
 * a megabyte was reached lived through the scavenges of those ~20 ms, and were copied to the old
 * generation by the tens of MB a snapshot, whose major collections then paused the commits.
 */
const WRITE_CHUNK_BYTES = 1 << 20;
/**
 * The temp file is made durable this often, not only at the end. A journal fdatasync that comes
 * while the kernel writes the snapshot back may have to wait for that writeback (ext4 commits the
 * data of newly placed blocks with the journal's own sync): pieces of 4 MB bound that wait.
 */
const SYNC_EVERY_BYTES = 4 << 20;
/** How often the clock is read, in pieces. */
const PIECES_PER_CLOCK_READ = 32;

/** The applied keys as of the capture, as db.json holds them: a list. */
interface AppliedOnDisk {
  keys: string[];
}

/** A snapshot taken at one seq, not yet serialised; see Snapshot (snapshot.ts) for what it holds. */
export interface CapturedSnapshot {
  seq: number;
  /** The seq of the last erasure or purge it holds (0: none); see Snapshot (snapshot.ts). */
  lastWipeSeq: number;
  /** The parts of the state in its own order: each collection as its entities, the others as they are. */
  state: { key: string; value?: unknown; entities?: unknown[] }[];
  applied: AppliedOnDisk;
}

/** What the writer waits for before each slice: the commits queued so far are saved. */
export interface WriteOptions {
  commitsSaved?: () => Promise<unknown>;
}

/**
 * The snapshot as of now, in O(entities) but without serialising: each collection's entities and
 * the applied keys, copied (a few milliseconds at 100,000 introductions). The entities
 * themselves are shared with memory, which never changes them.
 */
export function captureSnapshot(seq: number, state: FairState, applied: AppliedKeys, lastWipeSeq = 0): CapturedSnapshot {
  const parts = Object.entries(state).map(([key, value]: [string, unknown]) =>
    // The single values (`fair`, `purged`) are replaced whole by `apply`, never changed; the collections change key by key.
    isCollection(key) ? { key, entities: [...(value as Map<string, unknown>).values()] } : { key, value });
  return { seq, lastWipeSeq, state: parts, applied: { keys: keyList(applied) } };
}

const collections: ReadonlySet<string> = new Set(COLLECTIONS);
export const isCollection = (key: string): boolean => collections.has(key);

/**
 * Writes the snapshot as JSON: indented by two spaces while it is at most INDENT_UP_TO_BYTES long,
 * compact and ASCII past it, over many turns of the event loop. Resolves with the number of turns
 * it stepped aside.
 */
export async function writeSnapshotJson(file: StoreFile, snapshot: CapturedSnapshot, options: WriteOptions = {}): Promise<number> {
  const chunk = Buffer.allocUnsafe(WRITE_CHUNK_BYTES);
  let crc = 0; // of every byte written, for the last line (CRC32_KEY)
  let used = 0;
  let flushed = false;
  let unsynced = 0;
  let turns = 0;
  let pieces = 0;
  let sliceStart = performance.now();
  /** Every byte goes out through here, so the CRC-32 covers all of them. */
  const write = (bytes: Buffer): Promise<void> => {
    crc = crc32(bytes, crc);
    return writeAll(file, bytes);
  };
  const stepAside = async () => {
    await nextTurn();
    await options.commitsSaved?.();
    turns += 1;
    sliceStart = performance.now();
  };
  for (const piece of jsonPieces(snapshot)) {
    pieces += 1;
    // Every piece is ASCII (jsonPieces): a character is a byte.
    if (piece.length > chunk.length - used) {
      await write(chunk.subarray(0, used)); // the loop runs while the disk writes
      flushed = true;
      unsynced += used;
      used = 0;
      if (piece.length > chunk.length) {
        await write(Buffer.from(piece, 'latin1')); // one entity larger than the chunk
        unsynced += piece.length;
      }
      if (unsynced >= SYNC_EVERY_BYTES) {
        await options.commitsSaved?.();
        await file.datasync();
        unsynced = 0;
      }
      sliceStart = performance.now();
    }
    if (piece.length <= chunk.length) used += chunk.write(piece, used, 'latin1');
    if (pieces % PIECES_PER_TURN === 0 || (pieces % PIECES_PER_CLOCK_READ === 0 && performance.now() - sliceStart >= SLICE_MS)) {
      await stepAside();
    }
  }
  // All of it still in hand, so its length is known: a small snapshot is indented, as people read
  // it. Under a megabyte, that one JSON.stringify takes a few milliseconds.
  if (!flushed && used <= INDENT_UP_TO_BYTES) {
    await writeText(file, JSON.stringify(onDisk(snapshot), null, 2));
    return turns;
  }
  if (used === chunk.length) {
    await write(chunk); // no room for the line end
    used = 0;
  }
  used += chunk.write('\n', used, 'latin1');
  await write(chunk.subarray(0, used));
  await writeAll(file, Buffer.from(`,${JSON.stringify(CRC32_KEY)}:${crc}}`, 'latin1')); // after the bytes it vouches for
  return turns;
}

/**
 * The last line of a compact db.json, `,"crc32":…}` with no line end after it, holds the CRC-32 of
 * every byte before that line. A start that finds it right may leave the students and
 * introductions unparsed until they are used (entitiesOnDisk.ts): their lines are as written.
 */
export const CRC32_KEY = 'crc32';

/** The JSON text of the snapshot, compact and ASCII, in pieces of about one entity each. */
function* jsonPieces(snapshot: CapturedSnapshot): Generator<string> {
  yield `{"seq":${JSON.stringify(snapshot.seq)},"lastWipeSeq":${JSON.stringify(snapshot.lastWipeSeq)},"state":{`;
  let comma = '';
  for (const { key, value, entities } of snapshot.state) {
    if (entities === undefined) {
      const json: string | undefined = JSON.stringify(value);
      if (json !== undefined) yield `${comma}${JSON.stringify(key)}:${ascii(json)}`;
    } else {
      yield `${comma}${JSON.stringify(key)}:[`;
      for (let i = 0; i < entities.length; i++) yield `${i === 0 ? '' : ','}\n${ascii(JSON.stringify(entityOnDisk(key, entities[i], true)) ?? 'null')}`;
      yield '\n]';
    }
    comma = ',';
  }
  // The list in pieces of one entry.
  const { keys } = snapshot.applied;
  yield '},"applied":{"keys":[';
  for (let i = 0; i < keys.length; i++) yield `${i === 0 ? '' : ','}\n${ascii(JSON.stringify(keys[i]))}`;
  yield '\n]}'; // the file's own object is closed by the CRC-32's line (writeSnapshotJson)
}

const NOT_ASCII = /[^\0-\x7f]/;
const EACH_NOT_ASCII = /[^\0-\x7f]/g;

/** JSON text with every UTF-16 unit past ASCII as a \u escape: the same value, read back. */
export function ascii(json: string): string {
  if (!NOT_ASCII.test(json)) return json;
  return json.replace(EACH_NOT_ASCII, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An entity as db.json holds it. A student's profile is packed in a large file (profiles.ts: it
 * parses faster) and an object in a small one, for people to read.
 */
function entityOnDisk(key: string, entity: unknown, large: boolean): unknown {
  if (key !== 'students') return entity;
  const student = entity as Student;
  const profile = large ? (typeof student.profile === 'string' ? student.profile : packProfile(student.profile)) : profileOf(student);
  return profile === student.profile ? student : { ...student, profile };
}

/** The captured snapshot as the object db.json holds, for a small one (a copy: memory has moved on). */
export function onDisk({ seq, lastWipeSeq, state, applied }: CapturedSnapshot): unknown {
  const parts = state.map(({ key, value, entities }) => [key, entities?.map((entity) => entityOnDisk(key, entity, false)) ?? value]);
  return { seq, lastWipeSeq, state: Object.fromEntries(parts), applied };
}
