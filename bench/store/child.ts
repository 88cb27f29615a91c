// Runs one task of tasks.ts in a fresh Node process, so every measurement gets its own heap and
// event loop (no garbage from building 100,000 introductions, no other benchmark's timers).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../serverFlags.ts';
import type { Tasks } from './tasks.ts';

/** The child prints its result as one line starting with this; the rest of its stdout is shown only if it fails. */
export const RESULT_PREFIX = '@@bench-result ';
const TASKS_FILE = fileURLToPath(new URL('./tasks.ts', import.meta.url));

export type TaskName = keyof Tasks;
export type TaskArgs<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskResult<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

export function runTask<K extends TaskName>(name: K, args: TaskArgs<K>): Promise<TaskResult<K>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', TASKS_FILE, name, JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      // The tail writer kills itself with SIGKILL on purpose, after printing its result.
      if (line !== undefined) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as TaskResult<K>);
      reject(new Error(`Benchmark task "${name}" ended (${signal ?? `exit code ${code}`}) without a result. Its output:\n${stdout}`));
    });
  });
}
