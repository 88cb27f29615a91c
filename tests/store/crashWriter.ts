// Run as a child process by fileStore.test.ts: commits, reports, then dies without close(),
// leaving its lock behind and no final snapshot, as a crashed server would.
import { openFileStore } from '../../server/store/fileStore.ts';
import { boothCreated } from './events.ts';

const [dir, countText] = process.argv.slice(2);
if (dir === undefined || countText === undefined) throw new Error('Usage: crashWriter.ts <dataDir> <count>');

const store = await openFileStore(dir, { log: () => {} });
const count = Number(countText);
await Promise.all(
  Array.from({ length: count }, (_, i) => store.commit({ events: [boothCreated(`b${i}`)], key: `action-${i}` })),
);
process.stdout.write(`committed ${count}\n`);
process.kill(process.pid, 'SIGKILL');
