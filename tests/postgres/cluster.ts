// A fair past one machine inside the test process: two apps, each with its own PostgreSQL store
// (its own connections and memory) and its own Redis Streams adapter, as two server processes have,
// behind a round-robin proxy that gives each new connection to the next app, as a reverse proxy
// would. A phone or tablet that reconnects therefore lands on the other app. Shaped as
// tests/helpers.ts's TestServer, so suites written for one server run on the two.
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp, type App, type AppDeps } from '../../server/app.ts';
import { openCluster, type Cluster } from '../../server/cluster.ts';
import type { Config } from '../../server/deps.ts';
import { ADMIN_TOKEN, forwarder, listenOnAnyPort, tempDir, type TestServer } from '../helpers.ts';
import { dropFair, freshFair, query, redisUrl, urlOf } from './database.ts';

export interface TestCluster extends TestServer {
  /** The two apps; `store` is the first's. */
  apps: [App, App];
  /** Connections the proxy handed to each app. */
  handedTo: [number, number];
  /** Each app's own address, past the proxy: a test that puts a phone on one process and a tablet on the other. */
  processUrls: [string, string];
}

export async function startCluster(options: Pick<AppDeps, 'execute' | 'expiryCheckMs' | 'rateLimits' | 'retentionCheckMs'> & {
  now?: () => Date;
  /** A clock for each process, instead of `now` for both. */
  clocks?: [() => Date, () => Date];
} = {}): Promise<TestCluster> {
  const fair = await freshFair();
  const databaseUrl = urlOf(fair);
  const logs: string[] = [];
  const clusters: Cluster[] = [];
  const apps: App[] = [];
  const ports: number[] = [];
  const dataDir = tempDir();
  const config: Config = {
    port: 0, host: '127.0.0.1', dataDir, publicUrl: 'http://127.0.0.1:0', origins: [], distDir: path.resolve('dist'),
    cluster: { databaseUrl, redisUrl },
  };
  for (let i = 0; i < 2; i += 1) {
    const cluster = await openCluster({ databaseUrl, redisUrl }, (line) => logs.push(line));
    const app = createApp({ store: cluster.store, now: options.clocks?.[i] ?? options.now ?? (() => new Date()), config, adminToken: ADMIN_TOKEN, log: (l) => logs.push(l), adapter: cluster.adapter, limits: cluster.limits, execute: options.execute, expiryCheckMs: options.expiryCheckMs, rateLimits: options.rateLimits, retentionCheckMs: options.retentionCheckMs });
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    clusters.push(cluster);
    apps.push(app);
    ports.push((app.http.address() as AddressInfo).port);
  }
  const handedTo: [number, number] = [0, 0];
  let next = 0;
  const { server: proxy, sockets } = forwarder(() => {
    const i = next as 0 | 1;
    next = 1 - next;
    handedTo[i] += 1;
    return net.connect(ports[i]!, '127.0.0.1');
  });
  const { port, url } = await listenOnAnyPort(proxy, config);
  let closed = false;
  return {
    url, port, app: apps[0]!, apps: [apps[0]!, apps[1]!], store: clusters[0]!.store, adminToken: ADMIN_TOKEN, dataDir, config, logs, handedTo,
    processUrls: [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`],
    records: async () => (await query<{ line: string }>(fair, 'SELECT line FROM boothlink_records ORDER BY seq')).map((row) => row.line),
    async close() {
      if (closed) return;
      closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const app of apps) {
        app.http.closeAllConnections();
        await new Promise<void>((resolve) => app.io.close(() => resolve()));
      }
      for (const cluster of clusters) await cluster.close();
      // Started from a suite written for one server, this module was loaded inside a test, where
      // database.ts's afterAll never ran: the schema goes here.
      await dropFair(fair);
    },
  };
}
