// TEST ONLY, deliberately wrong: the crash test's negative control. The app is built as in
// server/main.ts, but the store answers "saved" at once and writes each record UNSAFE_WRITE_DELAY_MS
// later — the naive "reply ok, save soon" design. A SIGKILL under load must catch it losing writes.
import { createApp } from '../../server/app.ts';
import { readEnv } from '../../server/config.ts';
import { applyAll } from '../../server/domain/state.ts';
import { openFileStore } from '../../server/store/fileStore.ts';
import type { Store } from '../../server/store/store.ts';

const UNSAFE_WRITE_DELAY_MS = 200;

/** Decides on an in-memory copy that is always current, so only durability is wrong, not behaviour. */
function acknowledgeBeforeDurable(real: Store, delayMs: number): Store {
  const state = structuredClone(real.state);
  const applied = new Set<string>();
  const writes = new Set<Promise<unknown>>();
  return {
    get state() {
      return state;
    },
    commit(record) {
      // The real store gets its own copy: shared objects would let its snapshot run ahead of its journal.
      const later = structuredClone(record);
      const changes = applyAll(state, record.events);
      if (record.key !== undefined) applied.add(record.key);
      // Timers of one delay fire in the order they were set, so records reach the journal in order.
      const write = new Promise((resolve) => setTimeout(resolve, delayMs))
        .then(() => real.commit(later))
        .catch((error: Error) => console.error(`unsafe store: ${error.message}`))
        .finally(() => writes.delete(write));
      writes.add(write);
      return Promise.resolve(changes);
    },
    applied: (key) => applied.has(key) || real.applied(key),
    scrub: async () => {
      await Promise.all(writes);
      await real.scrub();
    },
    async close() {
      await Promise.all(writes);
      await real.close();
    },
  };
}

const config = readEnv(process.env, []);
if (!config.adminToken) throw new Error('Set ADMIN_TOKEN for the negative-control server.');
const adminToken = config.adminToken;
const store = acknowledgeBeforeDurable(await openFileStore(config.dataDir, { log: () => {} }), UNSAFE_WRITE_DELAY_MS);
const app = createApp({ store, now: () => new Date(), config, adminToken, log: (line) => console.error(line) });
app.http.listen(config.port, config.host, () => {
  console.log(`Negative control (answers before saving) on ${config.publicUrl}/admin#token=${adminToken}`);
});
process.on('SIGTERM', async () => {
  app.io.close();
  await store.close();
  process.exit(0);
});
