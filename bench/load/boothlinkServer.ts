// Child process: the real Boothlink server (createApp + openFileStore on a temporary folder), with
// a fair set up through the domain the way the organiser and the tablets would: booths, and
// tablets paired to them. Says `@@ready` with the port, the booths and the tablets' tokens.
// With `fair` (a folder the store bench built), it opens a copy of that fair instead: the memory
// run's phones connect to a server holding 100,000 introductions.
// Commands on stdin: `memory` (RSS after GC), `journal` (the size of an introduction's record).
import { cpSync, readFileSync, rmSync, mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import type { Config } from '../../server/deps.ts';
import { newToken } from '../../server/ids.ts';
import { entitiesRead } from '../../server/store/entitiesOnDisk.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { median } from '../numbers.ts';
import { onCommand, say } from './child.ts';
import { settledMemory } from './memory.ts';
import { setUpFair } from './setUp.ts';

export type { BoothSetup } from './setUp.ts';

export type ServerArgs = { booths: number; tabletsPerBooth: number } | { fair: string };

const args = JSON.parse(process.argv[2]!) as ServerArgs;
const { booths, tabletsPerBooth } = 'fair' in args ? { booths: 0, tabletsPerBooth: 0 } : args;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'boothlink-load-'));
if ('fair' in args) cpSync(args.fair, dataDir, { recursive: true });
const store = await openFileStore(dataDir);
const setup = 'fair' in args ? [] : await setUpFair(store, booths, tabletsPerBooth);

const config: Config = {
  port: 0, host: '127.0.0.1', dataDir, publicUrl: 'http://127.0.0.1:0', origins: [], distDir: path.resolve('dist'),
};
const app = createApp({ store, now: () => new Date(), config, adminToken: newToken(), log: (line) => console.log(line) });
await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
// Ready once the whole fair is in memory, as it is for most of the day: a large db.json's entities
// are read after the server listens, and would otherwise count as the phones' memory.
await entitiesRead(path.join(dataDir, 'db.json'));
const port = (app.http.address() as AddressInfo).port;
say('ready', { port, booths: setup });

/** The median byte length of the journal records that made one introduction (what the floor writes). */
function introductionRecordBytes(): { bytes: number; records: number } {
  const sizes: number[] = [];
  for (const name of ['journal.prev.jsonl', 'journal.jsonl']) {
    const file = path.join(dataDir, name);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.includes('"introduction.made"')) sizes.push(Buffer.byteLength(line) + 1);
    }
  }
  return { bytes: median(sizes), records: sizes.length };
}

onCommand((command) => {
  if (command === 'memory') void settledMemory().then((reading) => say('memory', reading));
  if (command === 'journal') say('journal', introductionRecordBytes());
});
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
