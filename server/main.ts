// Entry point: read the environment once, open the store (the data folder, or past one machine
// PostgreSQL and Redis), listen, print the banner.
import fs from 'node:fs';
import { createApp } from './app.ts';
import { banner, lanAddresses } from './banner.ts';
import { readEnv } from './config.ts';
import { readOpenFiles } from './descriptors.ts';
import type { Config } from './deps.ts';
import { setDefaultFair } from './firstStart.ts';
import { connectionCapacity } from './limits/connections.ts';
import { loadAdminToken, sharedAdminToken } from './store/adminToken.ts';
import { openFileStore } from './store/fileStore.ts';

const fail = (message: string): never => {
  console.error(`\nBoothlink could not start: ${message}\n`);
  process.exit(1);
};

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readEnv(process.env, lanAddresses());
    const files = config.tlsFiles;
    if (files) config = { ...config, tls: { cert: fs.readFileSync(files.cert, 'utf8'), key: fs.readFileSync(files.key, 'utf8') } };
  } catch (error) {
    return fail((error as Error).message);
  }
  const log = (line: string) => console.log(line);
  // Loaded only past one machine: its packages (pg, redis) stay out of the laptop's start.
  const cluster = config.cluster && (await (await import('./cluster.ts')).openCluster(config.cluster, log).catch((e: Error) => fail(e.message)));
  const store = cluster?.store ?? (await openFileStore(config.dataDir, { log }).catch((e: Error) => fail(e.message)));
  await setDefaultFair(store, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone).catch((e: Error) => fail(e.message));
  const adminToken = await (cluster ? sharedAdminToken(cluster.store, config.adminToken) : loadAdminToken(config.dataDir, config.adminToken))
    .catch((e: Error) => fail(e.message));
  const app = createApp({ store, now: () => new Date(), config, adminToken, log: (line) => console.error(line), adapter: cluster?.adapter, limits: cluster?.limits });
  const close = () => cluster?.close() ?? store.close();

  const cannotListen = async (error: NodeJS.ErrnoException) => {
    await close(); // releases the data folder's lock before exiting
    fail(error.code === 'EADDRINUSE'
      ? `port ${config.port} is busy. Stop the other program or set PORT to another port, e.g. PORT=8081 npm start.`
      : `cannot listen on ${config.host}:${config.port} (${error.message}).`);
  };
  app.http.once('error', cannotListen);
  app.http.listen(config.port, config.host, async () => {
    app.http.off('error', cannotListen); // from now on an error is a connection not accepted, which is shed
    // Counted before the first connection, with the journal and the listening socket open.
    const files = readOpenFiles();
    const capacity = files && connectionCapacity(files.limit, files.open);
    if (capacity) app.connections.hold(capacity);
    const address = app.http.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(await banner(config, adminToken, port, capacity, cluster?.where));
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping: saving the fair…');
    app.io.close();
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
