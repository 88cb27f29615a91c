// The limits remember a little about each key (a remote address, mostly), in a Map of bounded
// size, so that a flood of keys cannot grow memory whatever an attacker sends.

/**
 * Makes room for one more key: drops the entries `spent` says no longer limit anyone, then, still
 * full, the oldest ones (a Map keeps the order keys were set in).
 */
export function makeRoom<V>(entries: Map<string, V>, maxKeys: number, spent: (entry: V) => boolean): void {
  for (const [key, entry] of entries) if (spent(entry)) entries.delete(key);
  while (entries.size >= maxKeys) entries.delete(entries.keys().next().value!);
}
