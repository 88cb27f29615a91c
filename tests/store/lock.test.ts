// The data folder's lock tells a running Boothlink server from a pid that now belongs to another
// program (after a restart of the computer, pids are handed out again), and says what to do when
// it cannot tell.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../server/store/lock.ts';
import { deadPid, quiet, tempDir, waitFor } from './fixtures.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const hasProc = fs.existsSync('/proc/self/stat') && fs.existsSync('/proc/sys/kernel/random/boot_id');

/** Starts a child process and resolves once it printed its first line. */
function start(args: string[]): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout!.once('data', () => resolve(child as ChildProcess & { pid: number }));
  });
}
/** A running program that is not Boothlink. */
const otherProgram = () => start(['-e', 'console.log("up"); setInterval(() => {}, 1 << 30)']);
/** Another Boothlink server, as far as the lock goes: a process holding the folder's lock. */
const otherServer = (dir: string) => start(['--import', 'tsx', fileURLToPath(new URL('./lockHolder.ts', import.meta.url)), dir]);

const lockFile = (dir: string) => path.join(dir, 'lock');
/** The lock's text with another pid in it, whichever shape the lock has. */
function withPid(text: string, pid: number): string {
  return /^\d+\s*$/.test(text) ? `${pid}\n` : `${JSON.stringify({ ...(JSON.parse(text) as object), pid })}\n`;
}
/** Changes fields of a lock as this Boothlink writes it. */
function editLock(dir: string, changes: Record<string, unknown>): void {
  fs.writeFileSync(lockFile(dir), `${JSON.stringify({ ...(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as object), ...changes })}\n`);
}
const holderPid = (dir: string): number => {
  const text = fs.readFileSync(lockFile(dir), 'utf8');
  return /^\d+\s*$/.test(text) ? Number(text) : (JSON.parse(text) as { pid: number }).pid;
};

describe('the data folder lock', () => {
  it.skipIf(!hasProc)('takes over a lock whose pid now belongs to another program', async () => {
    const dir = tempDir();
    await acquireLock(dir, quiet); // a server that died without removing its lock
    const other = await otherProgram();
    fs.writeFileSync(lockFile(dir), withPid(fs.readFileSync(lockFile(dir), 'utf8'), other.pid));
    const logs: string[] = [];
    const lock = await acquireLock(dir, (line) => logs.push(line));
    expect(logs).toEqual([`Taking over the lock of a Boothlink server that is no longer running (pid ${other.pid}, now another program's) in ${dir}.`]);
    expect(holderPid(dir)).toBe(process.pid);
    await lock.release();
  });

  it.skipIf(!hasProc)('takes over a lock from before the computer restarted, even if a program has its pid and start time now', async () => {
    const dir = tempDir();
    await acquireLock(dir, quiet);
    const other = await otherProgram();
    const stat = fs.readFileSync(`/proc/${other.pid}/stat`, 'utf8');
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    editLock(dir, { pid: other.pid, boot: '00000000-0000-0000-0000-000000000000', started });
    const logs: string[] = [];
    const lock = await acquireLock(dir, (line) => logs.push(line));
    expect(logs).toEqual([`Taking over the lock of a Boothlink server that is no longer running (pid ${other.pid}, from before the computer restarted) in ${dir}.`]);
    await lock.release();
  });

  it('refuses while another Boothlink server holds the folder, and takes over once it died', async () => {
    const dir = tempDir();
    const server = await otherServer(dir);
    await expect(acquireLock(dir, quiet)).rejects.toThrow(
      `Another Boothlink server is already using the data folder ${dir} (pid ${server.pid}). Stop it first, or set DATA_DIR to another folder.`,
    );
    server.kill('SIGKILL');
    await waitFor(() => server.exitCode !== null || server.signalCode !== null);
    const lock = await acquireLock(dir, quiet);
    expect(holderPid(dir)).toBe(process.pid);
    await lock.release();
  });

  it('reads a lock of an older Boothlink (a pid alone): taken over when its pid is gone, else refused with how to tell', async () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), `${deadPid()}\n`);
    await (await acquireLock(dir, quiet)).release();

    const other = await otherProgram();
    fs.writeFileSync(lockFile(dir), `${other.pid}\n`);
    await expect(acquireLock(dir, quiet)).rejects.toThrow(
      `The data folder ${dir} is locked by a Boothlink server with pid ${other.pid}, and a program with that pid is running. ` +
      `If it is Boothlink, stop it first, or set DATA_DIR to another folder. If it is not (the computer restarted since), ` +
      `delete the file ${lockFile(dir)} and start again.`,
    );
  });

  it('refuses a lock written in another container or on another computer, whose pid means nothing here, and says what to do', async () => {
    const dir = tempDir();
    const pid = deadPid(); // gone here, which says nothing about there
    for (const [where, changes] of [['container', { pidns: 'pid:[1]' }], ['computer', { host: 'kiosk-2' }]] as const) {
      await acquireLock(dir, quiet);
      editLock(dir, { pid, ...changes });
      const { host } = JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')) as { host: string };
      await expect(acquireLock(dir, quiet), where).rejects.toThrow(
        `The data folder ${dir} is locked by a Boothlink server in another container or on another computer (host ${host}, pid ${pid}). ` +
        `If it still runs, stop it first, or set DATA_DIR to another folder. If it does not, delete the file ${lockFile(dir)} and start again.`,
      );
      fs.rmSync(lockFile(dir));
    }
  });

  it('takes over an empty or garbled lock, as a crash while writing it leaves', async () => {
    const dir = tempDir();
    for (const text of ['', '12ab\n', '{"lock":"boothlink"', '{"lock":"other","pid":1}\n']) {
      fs.writeFileSync(lockFile(dir), text);
      await (await acquireLock(dir, quiet)).release();
    }
  });
});
