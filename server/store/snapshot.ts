// db.json: the whole fair as of one journal seq, readable by a human, read through lowdb.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { initialState, type FairState } from '../domain/state.ts';
import { isMissing, type StoreIo } from './io.ts';
import { isObject } from './record.ts';
import { writeSnapshotJson, type CapturedSnapshot } from './snapshotWriter.ts';

export const SNAPSHOT_FILE = 'db.json';
const TEMP_FILE = `.${SNAPSHOT_FILE}.tmp`;

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
 * Replaces db.json atomically and durably: temp file, fsync, rename, fsync the folder.
 * lowdb's own writer (steno) renames but never fsyncs, so a power cut could leave an empty db.json.
 * The snapshot is serialised over many turns of the event loop (snapshotWriter.ts), while
 * commits go on changing memory.
 */
export async function writeSnapshotFile(io: StoreIo, dir: string, snapshot: CapturedSnapshot): Promise<void> {
  const temp = path.join(dir, TEMP_FILE);
  try {
    const handle = await io.open(temp, 'w');
    try {
      await writeSnapshotJson(handle, snapshot);
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
