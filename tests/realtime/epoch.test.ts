// When the server's memory goes back (a restart; the file store reloading from disk after a failed
// write), the booth's numbers start again from what was kept. Tablets must notice and reload.
import { afterEach, describe, expect, it } from 'vitest';
import { applyAll, initialState } from '../../server/domain/state.ts';
import type { FairEvent } from '../../server/domain/types.ts';
import type { Store } from '../../server/store/store.ts';
import { actionId, ask, connectStudent, PATIENCE_MS, startServer, studentKey, waitFor, type TestServer } from '../helpers.ts';
import { FAIR_MORNING, SAM, setUpFair, stopServer } from './fixtures.ts';
import { makeTablet } from './flaky/clients.ts';

let server: TestServer;
afterEach(() => stopServer(server));

/** A store whose memory can go back, as the file store's does when it reloads from disk after a failed write. */
function storeThatGoesBack() {
  const history: FairEvent[][] = [];
  const replay = () => {
    const state = initialState();
    history.forEach((events) => applyAll(state, structuredClone(events)));
    return state;
  };
  let state = replay();
  const applied = new Set<string>();
  const store: Store & { goBack(commits: number): void } = {
    get state() {
      return state;
    },
    commit(record) {
      history.push(structuredClone(record.events));
      const changes = applyAll(state, record.events);
      if (record.key !== undefined) applied.add(record.key);
      return Promise.resolve(changes);
    },
    applied: (key) => applied.has(key),
    scrub: () => Promise.resolve(),
    close: () => Promise.resolve(),
    goBack(commits) {
      history.splice(-commits);
      state = replay(); // a new object, as the file store's reload makes
    },
  };
  return store;
}

describe('memory that goes back', () => {
  it('gives the numbers a new epoch, so a tablet reloads instead of skipping the reused numbers', async () => {
    const store = storeThatGoesBack();
    server = await startServer({ now: () => FAIR_MORNING, store });
    const { booth, pair } = await setUpFair(store);
    await booth('acme', 'ACME', '12');
    const ada = await pair('acme', 'Ada');
    const tablet = makeTablet(server.url, 'tablet', ada, () => false);
    try {
      const phone = await connectStudent(server.url, studentKey());
      await ask(phone, 'profile:save', SAM);
      await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' });
      await ask(phone, 'request:create', { id: actionId(), slug: 'acme', note: 'Lost' });
      await waitFor(() => tablet.seq() === 3, PATIENCE_MS, 'the tablet at number 3');
      store.goBack(2); // the share and the request never reached the disk
      await ask(phone, 'intro:share', { id: actionId(), slug: 'acme' }); // number 2 again, in a new epoch
      await waitFor(() => tablet.requests.size === 0 && tablet.visitors.size === 1, PATIENCE_MS, 'the tablet to drop what memory lost');
      expect(tablet.seq()).toBe(2);
    } finally {
      tablet.close();
    }
  });
});
