// Runs one task of tasks.ts in a fresh Node process, so every measurement gets its own heap and
// event loop (no garbage from building 100,000 introductions, no other benchmark's timers).
import { spawn } from 'node:child_process';
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../serverFlags.ts';
import type { Tasks } from './tasks.ts';

/** The child prints its result as one line starting with this; the rest of its stdout is shown only if it fails. */
export const RESULT_PREFIX = '@@bench-result ';
/** A task run in blocks prints this line at the end of each block. */
const BLOCK_DONE = '@@bench-block-done';
const TASKS_FILE = fileURLToPath(new URL('./tasks.ts', import.meta.url));

export type TaskName = keyof Tasks;
export type TaskArgs<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskResult<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

export function runTask<K extends TaskName>(name: K, args: TaskArgs<K>): Promise<TaskResult<K>> {
  return startTask(name, args).result();
}

/** A task in a process of its own, which the caller may give its work a block at a time (`blocksFromParent`). */
export interface RunningTask<K extends TaskName> {
  /** Asks for a block of `seconds` of work; resolves when the task says it is done. */
  block(seconds: number): Promise<void>;
  /** Says there are no more blocks; resolves with the task's result. */
  result(): Promise<TaskResult<K>>;
}

export function startTask<K extends TaskName>(name: K, args: TaskArgs<K>): RunningTask<K> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', TASKS_FILE, name, JSON.stringify(args)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let stdout = '';
  let blockDone: (() => void) | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const at = stdout.indexOf(`${BLOCK_DONE}\n`);
    if (at === -1) return;
    stdout = stdout.slice(0, at) + stdout.slice(at + BLOCK_DONE.length + 1);
    blockDone?.();
    blockDone = undefined;
  });
  const ended = new Promise<TaskResult<K>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      // The tail writer kills itself with SIGKILL on purpose, after printing its result.
      if (line !== undefined) return resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as TaskResult<K>);
      reject(new Error(`Benchmark task "${name}" ended (${signal ?? `exit code ${code}`}) without a result. Its output:\n${stdout}`));
    });
  });
  return {
    block: (seconds) => Promise.race([
      new Promise<void>((resolve) => {
        blockDone = resolve;
        child.stdin.write(`${seconds}\n`);
      }),
      ended.then(() => Promise.reject(new Error(`Benchmark task "${name}" ended before its block was done.`))),
    ]),
    result: () => {
      child.stdin.end();
      return ended;
    },
  };
}

/**
 * In the task's process: the blocks of seconds the parent asks for (`RunningTask.block`), until it
 * says there are no more. The parent hears that a block is done when the next one is asked for.
 */
async function* blocksFromParent(): AsyncGenerator<number> {
  for await (const line of createInterface({ input: process.stdin })) {
    yield Number(line);
    writeSync(1, `${BLOCK_DONE}\n`);
  }
}

/** A task's blocks of seconds: the parent's, with `inBlocks` (`alternately`), else all its seconds in one. */
export const blocksOf = ({ inBlocks, seconds }: { inBlocks: boolean; seconds: number }): Iterable<number> | AsyncIterable<number> =>
  inBlocks ? blocksFromParent() : [seconds];

/** Blocks each of two writers is given, taking turns. */
export const TURNS = 50;

/**
 * Two tasks that write to the same disk (or database), each in a process of its own, taking turns
 * a block at a time: `first`'s seconds in TURNS blocks, then `second`'s, and so on. A ratio of their
 * latencies then compares them under the same disk: on this VM a disk's fdatasync p99 went from
 * 1.8 to 7 ms between two minutes, so a floor measured before or after the other writer said more
 * of the minute it ran in than of the writer (durable ack: 1.05× one day, 2.38× another).
 */
export async function alternately<A extends TaskName, B extends TaskName>(
  first: { name: A; args: TaskArgs<A> & { seconds: number } },
  second: { name: B; args: TaskArgs<B> & { seconds: number } },
): Promise<[TaskResult<A>, TaskResult<B>]> {
  const a = startTask(first.name, { ...first.args, inBlocks: true });
  const b = startTask(second.name, { ...second.args, inBlocks: true });
  try {
    for (let turn = 0; turn < TURNS; turn++) {
      await a.block(first.args.seconds / TURNS);
      await b.block(second.args.seconds / TURNS);
    }
  } catch (error) {
    await Promise.allSettled([a.result(), b.result()]); // the other one stops waiting for a block
    throw error;
  }
  return Promise.all([a.result(), b.result()]);
}
