// The first phone after a start: the server (the tests' startServer: createApp on a copy of the
// fair, which starts building its indexes in turns) opens, and at once a phone connects, loads its
// view and asks for a booth, as a student who scans while the organiser restarts the laptop. The
// server's longest loop block is read from before the phone connects until the indexes are built.
import { connectStudent, ask, startServer, studentKey } from '../../tests/helpers.ts';
import { indexesBuilt } from '../../server/domain/indexes.ts';
import { until } from '../../server/turns.ts';
import { watchLoop } from './loopWatch.ts';

export async function firstRequests({ dir }: { dir: string }) {
  const server = await startServer({ dataDir: dir });
  const loop = await watchLoop();
  const started = performance.now();
  const buildingAtFirstRequest = !indexesBuilt(server.store.state);
  const phone = await connectStudent(server.url, studentKey());
  const view = await ask(phone, 'student:load');
  const slug = server.store.state.booths.values().next().value!.slug;
  const booth = await ask(phone, 'booth:get', { slug });
  const answeredMs = performance.now() - started;
  await until(() => indexesBuilt(server.store.state));
  loop.disable();
  phone.disconnect();
  if (!view.ok || !booth.ok) throw new Error('The phone was refused after the start.');
  return { introductions: server.store.state.introductions.size, buildingAtFirstRequest, answeredMs, loopMaxMs: loop.max / 1e6 };
}
