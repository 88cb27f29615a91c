// db.json: the whole fair as of one journal seq, readable by a human, read through lowdb.
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { initialState, type FairState } from '../domain/state.ts';
import { fsyncDir } from './dataDir.ts';
import { damagedSnapshotMessage } from './messages.ts';
import { isObject } from './record.ts';

export const SNAPSHOT_FILE = 'db.json';
const TEMP_FILE = `.${SNAPSHOT_FILE}.tmp`;

export interface Snapshot {
  /** The last journal seq whose events `state` contains. */
  seq: number;
  state: FairState;
  applied: Record<string, unknown>;
}

/** Reads and checks db.json; undefined if there is none yet. Throws a sentence if it is damaged. */
export async function readSnapshot(dir: string): Promise<Snapshot | undefined> {
  const file = path.join(dir, SNAPSHOT_FILE);
  // Built explicitly: JSONFilePreset would silently use memory under NODE_ENV=test.
  const db = new Low<unknown>(new JSONFile<unknown>(file), null);
  try {
    await db.read();
  } catch (error) {
    const problem = error instanceof SyntaxError ? 'it is not valid JSON' : String((error as Error).message);
    throw new Error(damagedSnapshotMessage(file, problem), { cause: error });
  }
  if (db.data === null) return undefined;
  const problem = snapshotProblem(db.data);
  if (problem !== undefined) throw new Error(damagedSnapshotMessage(file, problem));
  const snapshot = db.data as Snapshot;
  return { seq: snapshot.seq, state: snapshot.state, applied: snapshot.applied ?? {} };
}

/**
 * Serialises a snapshot the way lowdb's JSONFile does (2-space JSON), so lowdb reads it back.
 * Done synchronously at one instant, so the text is a consistent picture of that seq.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot, null, 2);
}

/**
 * Replaces db.json atomically and durably: temp file, fsync, rename, fsync the folder.
 * lowdb's own writer (steno) renames but never fsyncs, so a power cut could leave an empty db.json.
 */
export async function writeSnapshotFile(dir: string, text: string): Promise<void> {
  const temp = path.join(dir, TEMP_FILE);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, path.join(dir, SNAPSHOT_FILE));
    await fsyncDir(dir);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
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
