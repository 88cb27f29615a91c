// The booth CSV import over real HTTP (issue #11), then the organiser's list of the booths it made:
// the server (the tests' startServer: createApp on the file store, an empty fair in a fresh folder)
// runs in this process, so the loop delay is the server's; the client is a child `node` with fetch,
// timing each request from its start to the last byte of the answer.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { entitiesRead } from '../../server/store/entitiesOnDisk.ts';
import { ADMIN_BOOTH_IMPORT, ADMIN_BOOTHS } from '../../shared/api.ts';
import { startServer } from '../../tests/helpers.ts';
import { watchLoop } from './loopWatch.ts';

/**
 * `one`: the employer column only, as in the issue, every name four times (the addresses then
 * need a suffix: firm-1, firm-1-2…). `all`: every column filled, ~100 bytes a row, so 10,000 rows
 * are just under the 1 MB a CSV may have: the most work one import can ask for.
 */
export type ImportShape = 'one' | 'all';

export function importCsvText(rows: number, shape: ImportShape): string {
  const lines = shape === 'one' ? ['employer'] : ['employer,booth,description,website,roles,place'];
  for (let i = 0; i < rows; i++) {
    lines.push(shape === 'one'
      ? `Firm ${i % Math.ceil(rows / 4)}`
      : `Employer ${i},H${Math.floor(i / 100)}-${i % 100},Builds things daily.,https://employer${i}.example.com,Engineer;Designer,Hall 2`);
  }
  return `${lines.join('\n')}\n`;
}

/** Sends a request for each line on stdin ("import" or "list"), so spawning it is not part of what the server's loop is measured on. */
const CLIENT = `
const { readFileSync } = await import('node:fs');
const { createInterface } = await import('node:readline');
const body = readFileSync(process.env.BENCH_CSV);
const auth = { authorization: 'Bearer ' + process.env.BENCH_TOKEN };
async function timed(url, init, counts) {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, ms, answerBytes: text.length, ...counts(JSON.parse(text)) };
}
for await (const line of createInterface({ input: process.stdin })) {
  const result = line === 'import'
    ? await timed(process.env.BENCH_IMPORT_URL, { method: 'POST', body, headers: { ...auth, 'content-type': 'text/csv' } },
      (answer) => ({ created: answer.created?.length ?? 0, errors: answer.errors?.length ?? 0 }))
    : await timed(process.env.BENCH_LIST_URL, { headers: auth }, (answer) => ({ listed: Array.isArray(answer) ? answer.length : 0 }));
  console.log(JSON.stringify(result));
}`;

interface Answered {
  status: number;
  ms: number;
  answerBytes: number;
  loopMaxMs: number;
}

/**
 * `runs` imports of the same file, each into a new fair in its own folder under `dir`, each followed
 * by the booth list. The fair is empty, or a copy of the folder `fair` (a day's fair, full).
 */
export async function importCsv({ dir, rows, shape, runs, fair }: { dir: string; rows: number; shape: ImportShape; runs: number; fair?: string }) {
  const csvFile = path.join(dir, `booths-${shape}.csv`);
  const csv = importCsvText(rows, shape);
  writeFileSync(csvFile, csv);
  const results: { boothsBefore: number; imported: Answered & { created: number; errors: number; booths: number }; listed: Answered & { listed: number } }[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(path.join(dir, `fair-${shape}-`));
    if (fair !== undefined) cpSync(fair, dataDir, { recursive: true });
    const server = await startServer({ dataDir });
    await entitiesRead(path.join(dataDir, 'db.json')); // the whole fair in memory, as for most of the day (server/store/entitiesOnDisk.ts)
    const before = server.store.state.booths.size;
    const client = spawn(process.execPath, ['--input-type=module', '-e', CLIENT], {
      env: { ...process.env, BENCH_IMPORT_URL: `${server.url}${ADMIN_BOOTH_IMPORT}`, BENCH_LIST_URL: `${server.url}${ADMIN_BOOTHS}`, BENCH_TOKEN: server.adminToken, BENCH_CSV: csvFile },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const answers = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
    /** One request of the client, with the server's largest loop delay while it was under way. */
    const request = async <T>(what: 'import' | 'list'): Promise<T & { loopMaxMs: number }> => {
      const loop = await watchLoop();
      client.stdin.write(`${what}\n`);
      const answer = await answers.next();
      loop.disable();
      if (answer.done) throw new Error(`The import client ended before answering "${what}".`);
      return { ...(JSON.parse(answer.value) as T), loopMaxMs: loop.max / 1e6 };
    };
    const imported = await request<Answered & { created: number; errors: number }>('import');
    const booths = server.store.state.booths.size;
    const listed = await request<Answered & { listed: number }>('list');
    client.stdin.end();
    results.push({ boothsBefore: before, imported: { ...imported, booths }, listed });
    // A full fair's state is let go before the next run opens another copy.
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows, shape, csvBytes: Buffer.byteLength(csv), runs: results };
}
