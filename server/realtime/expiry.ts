// The clock side of expiry: every so often, ask the domain which requests have run out of time,
// record that, and tell the booths and the students. The clock is deps.now, so tests move it.
import type { Deps } from '../deps.ts';
import { expireRequests } from '../domain/expiry.ts';

/** Expiry is announced within this long after the last interview window ends. */
export const EXPIRY_CHECK_MS = 30_000;

/** Starts the checks; returns the function that stops them. */
export function startExpiry(deps: Deps): () => void {
  const { store, now, run, log } = deps;
  let running = false;
  const check = async () => {
    if (running) return; // a slow disk: never two checks deciding at once
    running = true;
    try {
      const reply = await run({ decide: () => expireRequests(store.state, now()), respond: () => null });
      if (!reply.ok) log(`Could not record expired requests: ${reply.error.message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void check().catch((e: Error) => log(`expiry check failed: ${e.stack ?? e.message}`)), deps.expiryCheckMs ?? EXPIRY_CHECK_MS);
  timer.unref(); // the check alone must not keep a process alive
  return () => clearInterval(timer);
}
