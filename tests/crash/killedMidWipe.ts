// TEST ONLY: the real app over a file store that SIGKILLs its own process the moment a snapshot's
// temp file is opened, as issue #11 found it: the purge's scrub is cut short after the journal
// was rotated and before db.json was written. Nothing else writes a snapshot here (the policy's
// timers are an hour), so the one temp file is the scrub's.
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { readEnv } from '../../server/config.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import { nodeIo, type StoreIo } from '../../server/store/io.ts';

const HOUR_MS = 3_600_000;

const killedAtTempFile: StoreIo = {
  ...nodeIo,
  open(file, flags) {
    if (path.basename(file) === '.db.json.tmp') process.kill(process.pid, 'SIGKILL');
    return nodeIo.open(file, flags);
  },
};

const config = readEnv(process.env, []);
if (!config.adminToken) throw new Error('Set ADMIN_TOKEN for the server that dies mid-wipe.');
const adminToken = config.adminToken;
const store = await openFileStore(config.dataDir, { io: killedAtTempFile, log: () => {}, snapshot: { idleMs: HOUR_MS, maxAgeMs: HOUR_MS } });
const app = createApp({ store, now: () => new Date(), config, adminToken, log: (line) => console.error(line) });
app.http.listen(config.port, config.host, () => {
  console.log(`Dies at its first snapshot, on ${config.publicUrl}/admin#token=${adminToken}`);
});
