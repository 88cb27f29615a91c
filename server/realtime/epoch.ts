// The era a booth's sequence numbers belong to. Numbers are read off the state, and the state can
// go back: a restart drops what a crash lost, and after a failed write the store reloads memory
// from disk as a new object. Each state object gets its own epoch, so a tablet that saw numbers
// of another one reloads everything instead of trusting them.
import type { Epoch } from '../deps.ts';
import { newToken } from '../ids.ts';
import type { FairState } from '../domain/types.ts';
import type { Store } from '../store/store.ts';

export function epochOf(store: Store): Epoch {
  // Past one machine every process must give a tablet the same era, whichever it is connected to.
  if (store.epoch) return store.epoch.bind(store);
  const epochs = new WeakMap<FairState, string>();
  return () => {
    let epoch = epochs.get(store.state);
    if (epoch === undefined) epochs.set(store.state, (epoch = newToken()));
    return epoch;
  };
}
