// npm start's launcher (server/launcher.ts): the first start after a build leaves V8's compiled
// code beside the bundle, the next starts use it; a cache that is damaged, or of another build,
// never stops a start, and a rebuilt bundle gets a cache of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_SERVER, BUNDLED_SERVER, SERVER_NODE_FLAGS } from '../../bench/serverFlags.ts';
import { freePort, tempDir, waitFor } from '../helpers.ts';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The built launcher and bundle, copied to a folder of their own: the caches this test makes stay there. */
function builtCopy(): string {
  const dir = tempDir('boothlink-built-');
  dirs.push(dir);
  for (const file of [BUILT_SERVER, BUNDLED_SERVER]) fs.copyFileSync(file, path.join(dir, path.basename(file)));
  return dir;
}

const caches = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.cache')).sort();

/** Starts the launcher in `dir` and waits for /healthz to answer 200. */
async function start(dir: string): Promise<ChildProcess> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(dir, path.basename(BUILT_SERVER))], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: 'ignore',
  });
  children.push(child);
  let answered = false;
  const ask = () => void fetch(`http://127.0.0.1:${port}/healthz`).then((res) => (answered ||= res.ok), () => undefined);
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`The launcher exited with code ${child.exitCode}.`);
    if (!answered) ask();
    return answered;
  }, undefined, '/healthz');
  return child;
}

describe('the launcher', () => {
  it('writes the compiled code once started, and starts from it, from a damaged one, and after a rebuild', async () => {
    const dir = builtCopy();
    expect(caches(dir)).toEqual([]);
    (await start(dir)).kill('SIGKILL');
    // Written by the first start once it has run a while (not before its first answer).
    const first = await start(dir);
    await waitFor(() => caches(dir).length === 1);
    first.kill('SIGKILL');
    const [cache] = caches(dir);
    expect(fs.statSync(path.join(dir, cache!)).size).toBeGreaterThan(10_000);

    (await start(dir)).kill('SIGKILL'); // from the cache

    fs.writeFileSync(path.join(dir, cache!), 'not compiled code');
    const damaged = await start(dir); // V8 refuses it: compiled as without one, and written again
    await waitFor(() => fs.statSync(path.join(dir, cache!)).size > 10_000);
    damaged.kill('SIGKILL');

    fs.appendFileSync(path.join(dir, path.basename(BUNDLED_SERVER)), '\n// rebuilt\n');
    const rebuilt = await start(dir);
    await waitFor(() => caches(dir).length === 1 && caches(dir)[0] !== cache);
    rebuilt.kill('SIGKILL');
  });
});
