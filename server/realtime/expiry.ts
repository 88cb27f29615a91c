// The clock side of expiry: every so often, ask the domain which requests have run out of time,
// record that, and tell the booths and the students. The clock is deps.now, so tests move it.
import type { Deps } from '../app.ts';
import { expireRequests } from '../domain/expiry.ts';

/** Expiry is announced within this long after the last interview window ends. */
export const EXPIRY_CHECK_MS = 30_000;

/** Starts the checks; returns the function that stops them. */
export function startExpiry(deps: Deps): () => void {
  const { store, now, publish, execute } = deps;
  const log = deps.log ?? (() => {});
  let running = false;
  const check = async () => {
    if (running) return; // a slow disk: never two checks deciding at once
    running = true;
    try {
      const { reply, changes } = await execute(store, undefined, () => expireRequests(store.state, now()), () => null);
      if (!reply.ok) log(`Could not record expired requests: ${reply.error.message}`);
      publish(changes);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check().catch((e: Error) => log(`expiry check failed: ${e.stack ?? e.message}`)), deps.expiryCheckMs ?? EXPIRY_CHECK_MS);
  timer.unref(); // the check alone must not keep a process alive
  return () => clearInterval(timer);
}
