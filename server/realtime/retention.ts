// The clock side of retention: on the fair's retention date the server purges personal data by
// itself, as the organiser's purge does (every tablet signed out, the data folder's files wiped).
// A server started after that date purges at start. The clock is deps.now, so tests move it.
import type { Deps } from '../deps.ts';
import { holdsPersonalData, purgeIfDue, purgeMoment, retentionDate } from '../domain/retention.ts';

/**
 * The longest wait between two checks: a purge is due at the retention date's first minute and the
 * timer aims at it, but settings can move the date, and data can arrive after it.
 */
export const RETENTION_CHECK_MS = 15 * 60_000;

const NOT_WIPED = 'The personal data is gone from the fair, but the server could not wipe its files yet (the disk may be full or failing).';

/** Starts the checks (the first one now); returns the function that stops them. */
export function startRetention(deps: Deps): () => void {
  const { store, now, run, log } = deps;
  const longestWaitMs = deps.retentionCheckMs ?? RETENTION_CHECK_MS;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const check = async () => {
    const { fair } = store.state;
    if (now() < purgeMoment(fair) || !holdsPersonalData(store.state)) return;
    const date = retentionDate(fair);
    const reply = await run({ decide: () => purgeIfDue(store.state, now()), respond: () => null, scrub: { notWiped: NOT_WIPED } });
    log(reply.ok ? `Personal data purged: the fair's retention date ${date} has come.` : `Could not purge on the retention date: ${reply.error.message}`);
  };
  const schedule = () => {
    if (stopped) return;
    const untilDueMs = purgeMoment(store.state.fair).getTime() - now().getTime();
    const waitMs = untilDueMs > 0 ? Math.min(untilDueMs + 1_000, longestWaitMs) : longestWaitMs;
    timer = setTimeout(tick, waitMs);
    timer.unref(); // the check alone must not keep a process alive
  };
  const tick = () => {
    if (stopped) return;
    check()
      .catch((e: Error) => log(`retention check failed: ${e.stack ?? e.message}`))
      .finally(schedule);
  };
  setImmediate(tick);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
