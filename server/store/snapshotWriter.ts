// db.json's text, written a slice at a time so that no turn of the event loop holds it for long.
// JSON.stringify of 100,000 introductions holds the loop ~0.5 s; here the serialising is split
// into pieces (one entity each), and the writer steps aside between slices of a few milliseconds.
// That is safe because `apply` never changes an entity in place (state.ts): the keys and values
// copied by captureSnapshot keep the entities of one seq, whatever is committed meanwhile.
import type { FairState } from '../domain/state.ts';
import { writeText, type StoreFile } from './io.ts';
import type { AppliedReplies } from './record.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * Up to this size db.json is indented for people. Past it, indentation costs time and bytes the
 * budgets need (100,000 introductions on a 2-core laptop: 74 MB and 0.3–0.5 s to write, 0.45–1 s
 * to parse, against 52 MB, 0.25–0.3 s and 0.35–0.4 s compact), while nobody reads 50 MB by eye:
 * `jq . db.json` indents it.
 */
export const INDENT_UP_TO_BYTES = 1_000_000;
/** Serialising work per turn of the event loop, well under the 50 ms budget for a blocked loop. */
const SLICE_MS = 8;
/** Pieces (about one entity each) per turn at most, so a slow clock read or a fast machine still steps aside. */
export const PIECES_PER_TURN = 2_000;
/** Characters gathered before one write to the temp file; more than INDENT_UP_TO_BYTES (see below). */
const WRITE_CHUNK_CHARS = 1 << 20;
/** How often the clock is read, in pieces. */
const PIECES_PER_CLOCK_READ = 64;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One object's entries, as of the capture: its keys and their values, in the same order. */
interface Entries {
  keys: string[];
  values: unknown[];
}

/** A snapshot taken at one seq, not yet serialised; see Snapshot (snapshot.ts) for what it holds. */
export interface CapturedSnapshot {
  seq: number;
  /** The parts of the state in its own order: `fair` as it is, each collection as its entries. */
  state: { key: string; value: unknown; entries?: Entries }[];
  applied: Entries;
}

/**
 * The snapshot as of now, in O(entities) but without serialising: the keys and values of each
 * collection, copied. Object.keys plus a lookup per key: at 200,000 keys that takes ~60 ms, where
 * Object.values takes ~130 ms more and a spread ~200 ms. The entities themselves are shared with
 * memory, which never changes them.
 */
export function captureSnapshot(seq: number, state: FairState, applied: AppliedReplies): CapturedSnapshot {
  const parts = Object.entries(state).map(([key, value]: [string, unknown]) =>
    // `fair` is replaced whole by `apply`, never changed; the collections change key by key.
    key === 'fair' ? { key, value } : { key, value, entries: entriesOf(value as object) });
  return { seq, state: parts, applied: entriesOf(applied) };
}

function entriesOf(value: object): Entries {
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const values = new Array<unknown>(keys.length);
  for (let i = 0; i < keys.length; i++) values[i] = record[keys[i]!];
  return { keys, values };
}

/**
 * Writes the snapshot as JSON: the same text as JSON.stringify of a Snapshot (indented by two
 * spaces while it is at most INDENT_UP_TO_BYTES long, compact past it), but over many turns of the
 * event loop. Resolves with the number of turns it stepped aside.
 */
export async function writeSnapshotJson(file: StoreFile, snapshot: CapturedSnapshot): Promise<number> {
  let text = '';
  let flushed = false;
  let turns = 0;
  let pieces = 0;
  let sliceStart = performance.now();
  for (const piece of jsonPieces(snapshot)) {
    text += piece;
    pieces += 1;
    if (text.length > WRITE_CHUNK_CHARS) {
      await writeText(file, text); // the loop runs while the disk writes
      text = '';
      flushed = true;
      sliceStart = performance.now();
    }
    if (pieces % PIECES_PER_TURN === 0 || (pieces % PIECES_PER_CLOCK_READ === 0 && performance.now() - sliceStart >= SLICE_MS)) {
      await nextTurn();
      turns += 1;
      sliceStart = performance.now();
    }
  }
  // All of it still in hand, so its length is known: a small snapshot is indented, as people read
  // it. Under a megabyte, that one JSON.stringify takes a few milliseconds.
  if (!flushed && text.length <= INDENT_UP_TO_BYTES) text = JSON.stringify(asSnapshot(snapshot), null, 2);
  await writeText(file, text);
  return turns;
}

/** The JSON text of the snapshot in pieces of about one entity each; together, JSON.stringify's text. */
function* jsonPieces(snapshot: CapturedSnapshot): Generator<string> {
  yield `{"seq":${JSON.stringify(snapshot.seq)},"state":{`;
  let comma = '';
  for (const { key, value, entries } of snapshot.state) {
    if (entries === undefined) {
      const json: string | undefined = JSON.stringify(value);
      if (json !== undefined) yield `${comma}${JSON.stringify(key)}:${json}`;
    } else {
      yield `${comma}${JSON.stringify(key)}:`;
      yield* objectPieces(entries);
    }
    comma = ',';
  }
  yield '},"applied":';
  yield* objectPieces(snapshot.applied);
  yield '}';
}

function* objectPieces({ keys, values }: Entries): Generator<string> {
  yield '{';
  let comma = '';
  for (let i = 0; i < keys.length; i++) {
    const json: string | undefined = JSON.stringify(values[i]);
    if (json === undefined) continue; // undefined, a function, a symbol: JSON.stringify leaves the key out
    yield `${comma}${JSON.stringify(keys[i])}:${json}`;
    comma = ',';
  }
  yield '}';
}

/** The captured snapshot as a plain object again, for a small one (a copy: memory has moved on). */
function asSnapshot({ seq, state, applied }: CapturedSnapshot): Snapshot {
  const object = ({ keys, values }: Entries) => Object.fromEntries(keys.map((key, i) => [key, values[i]]));
  const parts = state.map(({ key, value, entries }) => [key, entries === undefined ? value : object(entries)]);
  return { seq, state: Object.fromEntries(parts) as FairState, applied: object(applied) };
}
