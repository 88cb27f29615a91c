// Child process: one of the server processes of a fair past one machine (openCluster: PostgreSQL
// and the Redis Streams adapter), built as server/main.ts builds it. With `setUp`, it sets the
// fair up first (setUp.ts) and says the booths with `@@ready`; the other process only opens it.
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { createApp } from '../../server/app.ts';
import { openCluster } from '../../server/cluster.ts';
import type { Config } from '../../server/deps.ts';
import { newToken } from '../../server/ids.ts';
import { onCommand, say } from './child.ts';
import { setUpFair } from './setUp.ts';

export interface ClusterServerArgs {
  databaseUrl: string;
  redisUrl: string;
  /** Set on the first process only. */
  setUp?: { booths: number; tabletsPerBooth: number };
}

const args = JSON.parse(process.argv[2]!) as ClusterServerArgs;
const cluster = await openCluster({ databaseUrl: args.databaseUrl, redisUrl: args.redisUrl }, (line) => console.log(line));
const setup = args.setUp ? await setUpFair(cluster.store, args.setUp.booths, args.setUp.tabletsPerBooth) : [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'boothlink-cluster-'));
const config: Config = {
  port: 0, host: '127.0.0.1', dataDir, publicUrl: 'http://127.0.0.1:0', origins: [], distDir: path.resolve('dist'),
  cluster: { databaseUrl: args.databaseUrl, redisUrl: args.redisUrl },
};
const app = createApp({ store: cluster.store, now: () => new Date(), config, adminToken: newToken(), log: (line) => console.log(line), adapter: cluster.adapter, limits: cluster.limits });
await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
say('ready', { port: (app.http.address() as AddressInfo).port, booths: setup });
onCommand(() => undefined); // nothing to do but serve; gone with the parent
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
