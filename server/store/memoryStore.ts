// The store without a disk: same semantics as the file store, for fast domain-level tests.
import { initialState } from '../domain/state.ts';
import { applyRecord, KeptKeys } from './record.ts';
import type { Change, FairState } from '../domain/types.ts';
import { StorageError, type CommitRecord, type Store } from './store.ts';
import { CLOSED_MESSAGE } from './messages.ts';

/** `now`: the clock the applied keys age by (KeptKeys in record.ts); `state`: the fair it opens on. */
export function createMemoryStore(now: () => number = Date.now, state: FairState = initialState()): Store {
  const applied = new KeptKeys(new Set(), now);
  let closed = false;

  return {
    get state() {
      return state;
    },
    commit(record: CommitRecord): Promise<Change[]> {
      if (closed) return Promise.reject(new StorageError(CLOSED_MESSAGE));
      try {
        JSON.stringify(record); // as in the file store: a record that cannot be saved is refused here too
      } catch (error) {
        return Promise.reject(error);
      }
      return Promise.resolve(applyRecord(state, applied, record));
    },
    applied(key: string): boolean {
      return applied.has(key); // nothing to wait for: memory is all there is
    },
    scrub(): Promise<void> {
      // Nothing on disk: what left memory is gone.
      return closed ? Promise.reject(new StorageError(CLOSED_MESSAGE)) : Promise.resolve();
    },
    close(): Promise<void> {
      closed = true;
      return Promise.resolve();
    },
  };
}
