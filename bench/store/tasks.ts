// Entry point of a benchmark child process: `node --import tsx tasks.ts <task> <json args>`.
// Prints the task's result as one line and exits in the same tick the task finished: no close(),
// and no turn of the event loop in which the store could start a snapshot of its own, so a
// measurement never changes the folder that the next measurement reads.
import { writeSync } from 'node:fs';
import { ackStore } from './ack.ts';
import { ackBare } from './bare.ts';
import { ackPgBare, ackPgStore } from '../cluster/ack.ts';
import { exportDownload } from './export.ts';
import { buildFair, writeTail } from './fair.ts';
import { firstRequests } from './firstRequests.ts';
import { importCsv } from './import.ts';
import { RESULT_PREFIX } from './child.ts';
import { openOnce, parseFolder } from './startup.ts';

const tasks = {
  build: buildFair,
  tail: writeTail,
  open: openOnce,
  parse: parseFolder,
  ackBare,
  ackStore,
  ackPgBare,
  ackPgStore,
  export: exportDownload,
  firstRequests,
  import: importCsv,
};
export type Tasks = typeof tasks;

/** Tasks that end like a crashed server: killed, leaving the lock and no final snapshot. */
const DIES_BY_KILL = new Set<string>(['tail']);

async function main(): Promise<void> {
  const [name, argsText] = process.argv.slice(2);
  if (name === undefined || !Object.hasOwn(tasks, name) || argsText === undefined) {
    throw new Error(`Usage: tasks.ts <${Object.keys(tasks).join('|')}> <json args>`);
  }
  const task = tasks[name as keyof Tasks] as (args: unknown) => Promise<unknown>;
  const result = await task(JSON.parse(argsText));
  writeSync(1, `${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  if (DIES_BY_KILL.has(name)) process.kill(process.pid, 'SIGKILL');
  process.exit(0);
}

await main();
