// Exports over real HTTP (the CSV, the workbook, every employer's package, fair.json): the server (the tests'
// startServer: createApp on the file store) runs in this process, so the loop delay is the
// server's; the client is a child `node` with fetch, timing the download from request to last byte.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { entitiesRead } from '../../server/store/entitiesOnDisk.ts';
import { startServer } from '../../tests/helpers.ts';
import { watchLoop } from './loopWatch.ts';

const CSV_PATH = '/api/admin/export/introductions.csv';

/** Waits for a line on stdin, so spawning it is not part of what the server's loop is measured on. */
const CLIENT = `
process.stdin.once('data', async () => {
  const started = performance.now();
  const res = await fetch(process.env.BENCH_URL, { headers: { authorization: 'Bearer ' + process.env.BENCH_TOKEN } });
  const chunks = [];
  for await (const chunk of res.body) chunks.push(chunk);
  const ms = performance.now() - started;
  const body = Buffer.concat(chunks);
  let lines = 0;
  for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) lines++;
  // A zip (a workbook is one) ends with its directory's end record: entries at offset 10 (no comment).
  const end = body.length - 22;
  const zipEntries = end >= 0 && body.readUInt32LE(end) === 0x06054b50 ? body.readUInt16LE(end + 10) : undefined;
  let json;
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try { JSON.parse(body.toString('utf8')); json = true; } catch { json = false; }
  }
  console.log(JSON.stringify({ status: res.status, ms, bytes: body.length, lines, zipEntries, json }));
  process.exit(0);
});`;

interface Download {
  status: number;
  ms: number;
  bytes: number;
  lines: number;
  /** For a zip, how many files its directory lists. */
  zipEntries?: number;
  /** For JSON, whether the whole body parses. */
  json?: boolean;
}

export async function exportDownload({ dir, runs, path = CSV_PATH }: { dir: string; runs: number; path?: string }) {
  const server = await startServer({ dataDir: dir });
  await entitiesRead(join(dir, 'db.json')); // the whole fair in memory, as for most of the day (server/store/entitiesOnDisk.ts)
  const url = `${server.url}${path}`;
  const results: (Download & { loopMaxMs: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const client = spawn(process.execPath, ['--input-type=module', '-e', CLIENT], {
      env: { ...process.env, BENCH_URL: url, BENCH_TOKEN: server.adminToken },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let output = '';
    client.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<void>((resolve, reject) => {
      client.on('error', reject);
      client.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`The export client failed (exit code ${code}): ${output}`))));
    });
    const loop = await watchLoop();
    client.stdin.write('go\n');
    await exited;
    loop.disable();
    results.push({ ...(JSON.parse(output) as Download), loopMaxMs: loop.max / 1e6 });
  }
  return { introductions: server.store.state.introductions.size, booths: server.store.state.booths.size, runs: results };
}
