// decide → persist → answer, the same for every command from a socket or HTTP.
import type { Reply } from '../shared/protocol.ts';
import type { Decision } from './domain/decision.ts';
import type { FairEvent } from './domain/state.ts';
import { StorageError, type Store } from './store/store.ts';

export interface Executed<T> {
  reply: Reply<T>;
  /** The events that were made durable; empty for a refusal or a repeat. */
  events: FairEvent[];
}

/**
 * Runs one command. `key` is the client's action id (scoped to its sender): a repeat of an applied
 * key changes nothing and is answered from the current state, so a double tap has one effect.
 */
export async function execute<T>(
  store: Store,
  key: string | undefined,
  decide: () => Decision,
  respond: () => T,
): Promise<Executed<T>> {
  if (key !== undefined && store.applied(key) !== undefined) return { reply: { ok: true, data: respond() }, events: [] };
  const decision = decide();
  if (decision.error) return { reply: { ok: false, error: decision.error }, events: [] };
  if (decision.events.length > 0 || key !== undefined) {
    try {
      await store.commit({ events: decision.events, key, reply: true });
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      return { reply: { ok: false, error: { code: 'STORAGE', message: error.message } }, events: [] };
    }
  }
  return { reply: { ok: true, data: respond() }, events: decision.events };
}
