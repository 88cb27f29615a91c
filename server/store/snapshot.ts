// db.json: the whole fair as of one journal seq, readable by a human, read through lowdb.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { initialState, type FairState } from '../domain/state.ts';
import { isMissing, writeText, type StoreIo } from './io.ts';
import { isObject } from './record.ts';

export const SNAPSHOT_FILE = 'db.json';
const TEMP_FILE = `.${SNAPSHOT_FILE}.tmp`;
/**
 * Up to this size db.json is indented for people. Past it, indentation costs time and bytes the
 * budgets need (100,000 introductions on a 2-core laptop: 74 MB and 0.3–0.5 s to write, 0.45–1 s
 * to parse, against 52 MB, 0.25–0.3 s and 0.35–0.4 s compact), while nobody reads 50 MB by eye:
 * `jq . db.json` indents it.
 */
export const INDENT_UP_TO_BYTES = 1_000_000;

export interface Snapshot {
  /** The last journal seq whose events `state` contains. */
  seq: number;
  state: FairState;
  applied: Record<string, unknown>;
}

export type SnapshotRead =
  | { kind: 'none' }
  | { kind: 'ok'; snapshot: Snapshot }
  | { kind: 'damaged'; problem: string; error?: unknown };

/** Reads and checks db.json. Never throws for damage: recovery decides whether the journal can stand in. */
export async function readSnapshot(dir: string): Promise<SnapshotRead> {
  const file = path.join(dir, SNAPSHOT_FILE);
  // Built explicitly: JSONFilePreset would silently use memory under NODE_ENV=test.
  const db = new Low<unknown>(new JSONFile<unknown>(file), null);
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // EACCES, EIO: not damage, and not ours to rebuild over
    return { kind: 'damaged', problem: 'it is not valid JSON', error };
  }
  // lowdb reads a missing file as null, and a file holding `null` too: only the first is "none".
  if (db.data === null) return (await exists(file)) ? { kind: 'damaged', problem: 'it is not a JSON object' } : { kind: 'none' };
  const problem = snapshotProblem(db.data);
  if (problem !== undefined) return { kind: 'damaged', problem };
  const snapshot = db.data as Snapshot;
  return { kind: 'ok', snapshot: { seq: snapshot.seq, state: snapshot.state, applied: snapshot.applied ?? {} } };
}

/**
 * Serialises a snapshot as plain JSON, which lowdb reads back. Synchronous, so the text is one
 * consistent picture of one seq: `apply` changes entries in place, so it cannot be spread over ticks.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  const compact = JSON.stringify(snapshot);
  return compact.length <= INDENT_UP_TO_BYTES ? JSON.stringify(snapshot, null, 2) : compact;
}

/**
 * Replaces db.json atomically and durably: temp file, fsync, rename, fsync the folder.
 * lowdb's own writer (steno) renames but never fsyncs, so a power cut could leave an empty db.json.
 */
export async function writeSnapshotFile(io: StoreIo, dir: string, text: string): Promise<void> {
  const temp = path.join(dir, TEMP_FILE);
  try {
    const handle = await io.open(temp, 'w');
    try {
      await writeText(handle, text);
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
    if (!isObject(data.state[part])) return `"state.${part}" is missing`;
  }
  if (data.applied !== undefined && !isObject(data.applied)) return '"applied" is not an object';
  return undefined;
}
