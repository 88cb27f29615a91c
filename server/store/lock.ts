// The `lock` file: one Boothlink server per data folder, because two would interleave the journal.
import { open, readFile, readlink, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { isMissing } from './io.ts';
import { folderInUseMessage, unwritableFolderMessage } from './messages.ts';
import { isObject } from './record.ts';

const LOCK_FILE = 'lock';

export interface DataFolderLock {
  release(): Promise<void>;
}

/**
 * Who holds a lock. A pid alone cannot say it: after a restart of the computer the pids are handed
 * out again, and the lock's pid may be an unrelated program (often pid 1). So the lock also records
 * the computer's boot (Linux's boot id) and the tick the process started at (field 22 of
 * /proc/<pid>/stat): the same pid with another boot or start is not the server that wrote it. The
 * host and the pid namespace say where the pid means something: from another container or computer
 * (a shared folder), it cannot be checked here, and a wrong guess would let two servers write.
 * Without /proc (not Linux), or in a lock of an older Boothlink, there is less to go on.
 */
interface Holder {
  pid: number;
  host?: string;
  pidns?: string;
  boot?: string;
  started?: string;
}

type Verdict = 'running' | 'unsure' | 'elsewhere' | 'dead' | 'reused' | 'rebooted';

const TAKE_OVER_REASON: Record<'dead' | 'reused' | 'rebooted', string> = {
  dead: '',
  reused: ", now another program's",
  rebooted: ', from before the computer restarted',
};

/**
 * Takes the folder's lock, or throws a sentence saying who holds it. A lock left by a server that
 * died (its pid is gone, or now another process's) is taken over. Two servers taking over the same
 * stale lock in the same instant could both win; that needs two simultaneous starts after a crash,
 * so it is accepted.
 */
export async function acquireLock(dir: string, log: (line: string) => void): Promise<DataFolderLock> {
  const file = path.join(dir, LOCK_FILE);
  const self = await identify(process.pid);
  if (!(await createLockFile(dir, file, self))) {
    const holder = await readHolder(file);
    const verdict = holder === undefined ? 'dead' : await check(holder, self);
    if (verdict === 'running') throw new Error(folderInUseMessage(dir, holder!.pid));
    if (verdict === 'unsure' || verdict === 'elsewhere') throw new Error(uncheckedMessage(dir, file, holder!, verdict));
    log(`Taking over the lock of a Boothlink server that is no longer running (pid ${holder?.pid ?? 'unknown'}${TAKE_OVER_REASON[verdict]}) in ${dir}.`);
    await rm(file, { force: true });
    if (!(await createLockFile(dir, file, self))) {
      // Another server started in between and took it.
      throw new Error(folderInUseMessage(dir, (await readHolder(file))?.pid ?? 0));
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

/** A lock whose holder cannot be checked from here: the organiser can, and is told how. */
function uncheckedMessage(dir: string, file: string, holder: Holder, verdict: 'unsure' | 'elsewhere'): string {
  const unlock = `delete the file ${file} and start again.`;
  if (verdict === 'elsewhere') {
    return `The data folder ${dir} is locked by a Boothlink server in another container or on another computer (host ${holder.host}, pid ${holder.pid}). ` +
      `If it still runs, stop it first, or set DATA_DIR to another folder. If it does not, ${unlock}`;
  }
  return `The data folder ${dir} is locked by a Boothlink server with pid ${holder.pid}, and a program with that pid is running. ` +
    `If it is Boothlink, stop it first, or set DATA_DIR to another folder. If it is not (the computer restarted since), ${unlock}`;
}

async function check(holder: Holder, here: Holder): Promise<Verdict> {
  // A lock of an older Boothlink has no host: its pid is all there is.
  if (holder.host !== undefined) {
    if (holder.host !== here.host) return 'elsewhere';
    // Nothing started before the computer's restart still runs, in any container.
    if (holder.boot !== undefined && here.boot !== undefined && holder.boot !== here.boot) return 'rebooted';
    if (holder.pidns !== here.pidns) return 'elsewhere';
  }
  if (!isAlive(holder.pid)) return 'dead';
  if (holder.started === undefined || holder.boot === undefined) return 'unsure';
  const now = await identify(holder.pid);
  if (now.started === undefined) return isAlive(holder.pid) ? 'unsure' : 'dead';
  return now.started === holder.started ? 'running' : 'reused';
}

/** This computer's view of a process: host, pid namespace, boot, and the process's start tick. */
async function identify(pid: number): Promise<Holder> {
  const [pidns, boot, stat] = await Promise.all([
    readlink('/proc/self/ns/pid').catch(() => undefined),
    readFile('/proc/sys/kernel/random/boot_id', 'utf8').then((text) => text.trim() || undefined, () => undefined),
    readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined),
  ]);
  // The name in field 2 is in parentheses and may hold spaces and ")": count fields after the last one.
  const started = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3];
  return { pid, host: hostname(), pidns, boot, started: started && /^\d+$/.test(started) ? started : undefined };
}

/** Creates the lock naming us; false if it already exists. O_EXCL makes the check and the creation one step. */
async function createLockFile(dir: string, file: string, self: Holder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o600); // owner-only from the start, like every file of the data folder
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
  try {
    await handle.writeFile(`${JSON.stringify({ lock: 'boothlink', ...self })}\n`);
  } catch (error) {
    // An empty lock would read as stale; remove it rather than leave it behind.
    await handle.close();
    await rm(file, { force: true });
    throw new Error(unwritableFolderMessage(dir, error), { cause: error });
  }
  await handle.close();
  return true;
}

/** Who wrote the lock, or undefined if the file is empty or garbled (a crash mid-write). */
async function readHolder(file: string): Promise<Holder | undefined> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const validPid = (pid: unknown): pid is number => Number.isSafeInteger(pid) && (pid as number) > 0;
  // The pid alone: a lock of an older Boothlink.
  if (/^\d+$/.test(text)) return validPid(Number(text)) ? { pid: Number(text) } : undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(data) || data.lock !== 'boothlink' || !validPid(data.pid)) return undefined;
  const optional = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return { pid: data.pid, host: optional(data.host), pidns: optional(data.pidns), boot: optional(data.boot), started: optional(data.started) };
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
