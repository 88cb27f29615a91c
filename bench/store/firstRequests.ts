// The first phone and the first tablet after a start: the server (the tests' startServer: createApp
// on a copy of the fair, which starts building its indexes in turns) opens, and at once a phone
// connects, loads its view and asks for a booth, as a student who scans while the organiser restarts
// the laptop; then a tablet pairs with that booth's code and loads the booth's visitors, as a rep
// who pairs again after the restart. The phone and the tablet are another process (firstClients.ts),
// loaded before the server starts. The server's longest loop block is read from before they begin
// until they are answered, the indexes are built and the students and introductions a large
// db.json left on disk are read (server/store/entitiesOnDisk.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { startServer } from '../../tests/helpers.ts';
import { indexesBuilt } from '../../server/domain/indexes.ts';
import { wholeFairReady } from '../../server/turns.ts';
import type { FirstClients } from './firstClients.ts';
import { watchLoop } from './loopWatch.ts';

const CLIENTS_FILE = fileURLToPath(new URL('./firstClients.ts', import.meta.url));

export async function firstRequests({ dir }: { dir: string }) {
  const clients = spawn(process.execPath, ['--import', 'tsx', CLIENTS_FILE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: clients.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error('The phone and tablet process ended without answering.');
    return String(line.value);
  };
  if ((await nextLine()) !== 'ready') throw new Error('The phone and tablet process did not start.');
  const started = performance.now();
  const server = await startServer({ dataDir: dir });
  const loop = await watchLoop();
  const buildingAtFirstRequest = !indexesBuilt(server.store.state);
  const booth = server.store.state.booths.values().next().value!;
  clients.stdin.write(`${JSON.stringify({ url: server.url, slug: booth.slug, code: booth.pairingCode })}\n`);
  const answered = JSON.parse(await nextLine()) as FirstClients;
  await wholeFairReady(server.store.state);
  const wholeFairMs = performance.now() - started;
  loop.disable();
  if (answered.refused !== undefined) throw new Error(answered.refused);
  if (answered.visitors === 0) throw new Error('The tablet was shown no visitors after the start.');
  return {
    introductions: server.store.state.introductions.size, buildingAtFirstRequest, answeredMs: answered.phoneMs, tabletMs: answered.tabletMs,
    visitors: answered.visitors, loopMaxMs: loop.max / 1e6, wholeFairMs,
  };
}
