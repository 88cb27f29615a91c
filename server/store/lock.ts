// The `lock` file: one Boothlink server per data folder, because two would interleave the journal.
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isMissing } from './io.ts';
import { folderInUseMessage, unwritableFolderMessage } from './messages.ts';

const LOCK_FILE = 'lock';

export interface DataFolderLock {
  release(): Promise<void>;
}

/**
 * Takes the folder's lock, or throws a sentence saying who holds it. A lock left by a server that
 * died (its pid is gone) is taken over. Two servers taking over the same stale lock in the same
 * instant could both win; that needs two simultaneous starts after a crash, so it is accepted.
 */
export async function acquireLock(dir: string, log: (line: string) => void): Promise<DataFolderLock> {
  const file = path.join(dir, LOCK_FILE);
  if (!(await createLockFile(dir, file))) {
    const holder = await readHolder(file);
    if (holder !== undefined && isAlive(holder)) throw new Error(folderInUseMessage(dir, holder));
    log(`Taking over the lock of a Boothlink server that is no longer running (pid ${holder ?? 'unknown'}) in ${dir}.`);
    await rm(file, { force: true });
    if (!(await createLockFile(dir, file))) {
      // Another server started in between and took it.
      throw new Error(folderInUseMessage(dir, (await readHolder(file)) ?? 0));
    }
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      await rm(file, { force: true });
    },
  };
}

/** Creates the lock with our pid; false if it already exists. O_EXCL makes the check and the creation one step. */
async function createLockFile(dir: string, file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
  try {
    await handle.writeFile(`${process.pid}\n`);
  } catch (error) {
    // An empty lock would read as stale; remove it rather than leave it behind.
    await handle.close();
    await rm(file, { force: true });
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
  await handle.close();
  return true;
}

/** The pid written in the lock, or undefined if the file is empty or garbled (a crash mid-write). */
async function readHolder(file: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
