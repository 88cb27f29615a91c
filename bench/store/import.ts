// The booth CSV import over real HTTP (issue #11): the server (the tests' startServer: createApp on
// the file store, an empty fair in a fresh folder) runs in this process, so the loop delay is the
// server's; the client is a child `node` with fetch, timing from request to last byte.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../../tests/helpers.ts';
import { LOOP_RESOLUTION_MS } from './ack.ts';

const IMPORT_PATH = '/api/admin/booths/import';

/**
 * `one`: the employer column only, as in the issue, every name four times (the addresses then
 * need a suffix: acme, acme-2…). `all`: every column filled, ~100 bytes a row, so 10,000 rows are
 * just under the 1 MB a CSV may have: the most work one import can ask for.
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

/** Waits for a line on stdin, so spawning it is not part of what the server's loop is measured on. */
const CLIENT = `
const { readFileSync } = await import('node:fs');
const body = readFileSync(process.env.BENCH_CSV);
process.stdin.once('data', async () => {
  const started = performance.now();
  const res = await fetch(process.env.BENCH_URL, {
    method: 'POST', body, headers: { authorization: 'Bearer ' + process.env.BENCH_TOKEN, 'content-type': 'text/csv' },
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const answer = JSON.parse(text);
  console.log(JSON.stringify({ status: res.status, ms, answerBytes: text.length, created: answer.created?.length ?? 0, errors: answer.errors?.length ?? 0 }));
  process.exit(0);
});`;

interface Imported {
  status: number;
  ms: number;
  answerBytes: number;
  created: number;
  errors: number;
}

/** `runs` imports of the same file, each into a new empty fair in its own folder under `dir`. */
export async function importCsv({ dir, rows, shape, runs }: { dir: string; rows: number; shape: ImportShape; runs: number }) {
  const csvFile = path.join(dir, `booths-${shape}.csv`);
  const csv = importCsvText(rows, shape);
  writeFileSync(csvFile, csv);
  const results: (Imported & { loopMaxMs: number; booths: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ dataDir: mkdtempSync(path.join(dir, `fair-${shape}-`)) });
    const client = spawn(process.execPath, ['--input-type=module', '-e', CLIENT], {
      env: { ...process.env, BENCH_URL: `${server.url}${IMPORT_PATH}`, BENCH_TOKEN: server.adminToken, BENCH_CSV: csvFile },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    client.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`The import client failed (exit code ${code}): ${output}`))));
    });
    const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    loop.enable();
    client.stdin.write('go\n');
    await exited;
    loop.disable();
    results.push({ ...(JSON.parse(output) as Imported), loopMaxMs: loop.max / 1e6, booths: server.store.state.booths.size });
  }
  return { rows, shape, csvBytes: Buffer.byteLength(csv), runs: results };
}
