// Run as a child process by lock.test.ts: a Boothlink server's lock held by another process, until killed.
import { acquireLock } from '../../server/store/lock.ts';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('Usage: lockHolder.ts <dataDir>');
await acquireLock(dir, () => {});
process.stdout.write('locked\n');
setInterval(() => {}, 1 << 30);
