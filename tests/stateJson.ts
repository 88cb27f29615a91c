// The fair in memory as text, for "nothing in it changed" and "no personal data is left in it":
// JSON.stringify writes a Map as {}, which would hide every entity from such a check.
import type { FairState } from '../server/domain/types.ts';

/** JSON of the whole state, each collection as its [id, entity] pairs in order. */
export function stateJson(state: FairState): string {
  return JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}
