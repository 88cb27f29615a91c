// decide → persist → answer, the same for every command from a socket or HTTP.
import type { Reply } from '../shared/protocol.ts';
import type { Decision } from './domain/decision.ts';
import type { Change } from './domain/types.ts';
import { StorageError, type Store } from './store/store.ts';

export interface Executed<T> {
  /**
   * The answer, read off the state when called: the caller first tells the booths what changed
   * (commands.ts), then builds it.
   */
  answer: () => Reply<T>;
  /** The events that were made durable, numbered per booth; empty for a refusal or a repeat. */
  changes: Change[];
}

export type Execute = <T>(store: Store, key: string | undefined, decide: () => Decision, respond: () => T) => Promise<Executed<T>>;

const FIRST_TRY_LOST = 'The first try of this action could not be saved. Try again.';

/**
 * Runs one command. `key` is the client's action id (scoped to its sender): a repeat of an applied
 * key changes nothing and is answered from the current state, so a double tap has one effect.
 * A repeat that arrives while the first run is still being saved waits for it: it must not say
 * "ok" for something a crash could still lose.
 */
export const execute: Execute = async (store, key, decide, respond) => {
  if (store.turn) {
    // Past one machine: decide on what every process has committed (refused while the database is away).
    try {
      await store.turn();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      return storageFailed(error);
    }
  }
  const applied = key === undefined ? false : store.applied(key);
  if (applied !== false) {
    if (!(await applied)) return storageFailed(new StorageError(FIRST_TRY_LOST));
    return { answer: () => ({ ok: true, data: respond() }), changes: [] };
  }
  const decision = decide();
  const { error } = decision;
  if (error) return { answer: () => ({ ok: false, error }), changes: [] };
  if (decision.events.length === 0 && key === undefined) return { answer: () => ({ ok: true, data: respond() }), changes: [] };
  let changes: Change[];
  try {
    changes = await store.commit({ events: decision.events, key, eventsJson: decision.eventsJson });
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    return storageFailed(error);
  }
  return { answer: () => ({ ok: true, data: respond() }), changes };
};

const storageFailed = <T>(error: StorageError): Executed<T> =>
  ({ answer: () => ({ ok: false, error: { code: 'STORAGE', message: error.message } }), changes: [] });
