// The start as the organiser meets it: from launching `node` on the built server (`npm start`'s
// command, with its flags) to the first answer of /healthz, and the process's resident memory then.
// Each run starts on a fresh copy of the folder and is killed after (SIGKILL: no last snapshot), so
// no run changes what the next one reads. Before the first, the built server runs once until it has
// written its code cache (server/launcher.ts), as the organiser's first start after a build does:
// the launches measured are the later ones, as on the fair's day.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeCacheName } from '../../server/codeCache.ts';
import { freePort, openFilesOf } from '../../tests/helpers.ts';
import { BUILT_SERVER, BUNDLED_SERVER, SERVER_NODE_FLAGS } from '../serverFlags.ts';
import { settleDisk } from './folder.ts';

/** How often /healthz is asked while the server starts, and for how long at most (a start that hangs). */
const POLL_MS = 5;
const GIVE_UP_MS = 120_000;

export interface Launch {
  ms: number;
  rssBytes: number;
  /**
   * From launching to the server holding the whole fair in memory: a large db.json's students and
   * introductions are read after the first answer (server/store/entitiesOnDisk.ts), and the file
   * is closed once they all are. The same as `ms` for a fair read in full at start.
   */
  allReadMs: number;
  /** The RSS then: what the fair costs in memory for the rest of the day. */
  allReadRssBytes: number;
}

/** How often the server's open files are looked at, while it reads the rest of db.json. */
const OPEN_FILES_POLL_MS = 20;

/** The built server, as `npm start` runs it, on `dataDir`; stderr kept when asked. `started`: just before the spawn. */
async function startBuilt(dataDir: string, stderr: 'ignore' | 'pipe') {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BUILT_SERVER], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', stderr],
  });
  return { child, url, started };
}

let cacheWritten: Promise<void> | undefined;
/** Runs the built server on an empty folder until it has written its code cache, once a process. */
function codeCacheWritten(): Promise<void> {
  return (cacheWritten ??= (async () => {
    // The launcher's cache for this build and these flags (server/codeCache.ts).
    const cache = path.join(path.dirname(BUNDLED_SERVER), codeCacheName(readFileSync(BUNDLED_SERVER, 'utf8'), process.version, SERVER_NODE_FLAGS));
    if (existsSync(cache)) return;
    const empty = mkdtempSync(path.join(os.tmpdir(), 'boothlink-warm-'));
    const { child, started } = await startBuilt(empty, 'ignore');
    try {
      while (!existsSync(cache)) {
        if (child.exitCode !== null) throw new Error(`The built server exited with code ${child.exitCode} before writing its code cache.`);
        if (performance.now() - started > GIVE_UP_MS) throw new Error('The built server wrote no code cache.');
        await sleep(50);
      }
    } finally {
      child.kill('SIGKILL');
      rmSync(empty, { recursive: true, force: true });
    }
  })());
}

export async function launchOnce(dir: string, copy: string): Promise<Launch> {
  await codeCacheWritten();
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  settleDisk();
  const { child, url, started } = await startBuilt(copy, 'pipe');
  let errors = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (errors += text));
  try {
    while (performance.now() - started < GIVE_UP_MS) {
      if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} while starting: ${errors}`);
      const answered = await fetch(`${url}/healthz`).then((res) => res.ok, () => false);
      if (answered) {
        const ms = performance.now() - started;
        const rssBytes = rssOf(child.pid!);
        const db = path.join(copy, 'db.json');
        while (openFilesOf(child.pid!).includes(db)) {
          if (performance.now() - started > GIVE_UP_MS) throw new Error(`The server still had ${db} open after ${GIVE_UP_MS / 1000} s.`);
          await sleep(OPEN_FILES_POLL_MS);
        }
        return { ms, rssBytes, allReadMs: Math.max(ms, performance.now() - started), allReadRssBytes: rssOf(child.pid!) };
      }
      await sleep(POLL_MS);
    }
    throw new Error(`The server did not answer /healthz within ${GIVE_UP_MS / 1000} s.`);
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('exit', resolve) : resolve(undefined)));
    rmSync(copy, { recursive: true, force: true });
  }
}

/** A process's resident memory (Linux). */
function rssOf(pid: number): number {
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) * 1024;
}
