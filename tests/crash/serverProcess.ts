// A Boothlink server as a real child process, so the crash test can SIGKILL it mid-write.
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../helpers.ts';

export const CRASH_ADMIN_TOKEN = 'crash-test-admin-token-0123456789';
const BANNER = /\/admin#token=/;
const START_TIMEOUT_MS = 60_000; // a busy machine can take many seconds to start node

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null after a signal) once the process is gone. */
  exited: Promise<number | null>;
  /** Sends the signal and waits until the process is gone. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** SIGKILLs every server still running; for afterEach, so a failed test leaves no process behind. */
export async function killAllServers(): Promise<void> {
  const gone = [...running].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  }));
  await Promise.all(gone);
  running.clear();
}

/** The environment of the test runner, less what would make the child behave unlike `npm start`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // DATABASE_URL and REDIS_URL only where a test gives them: a data-folder test must not join a cluster.
    if (name === 'NODE_ENV' || name === 'ADMIN_TOKEN' || name === 'DATABASE_URL' || name === 'REDIS_URL' || name.startsWith('VITEST')) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * Starts `entry` (a TypeScript file) on 127.0.0.1 with the data folder `dataDir` (and `env`) and waits for its
 * banner. The file runs in this very process id (`node --import tsx`, not the tsx CLI, which
 * would run it in a grandchild that a SIGKILL of the CLI leaves alive, still writing).
 */
export async function startServerProcess(entry: string, dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: CRASH_ADMIN_TOKEN, PUBLIC_URL: url, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    running.delete(child);
    resolve(code);
  }));
  const stop = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!BANNER.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`The server ${entry} did not start on ${dataDir}. Its output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, child, output: () => output, exited, stop };
}
