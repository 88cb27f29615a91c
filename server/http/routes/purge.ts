// The organiser's purge after the event: every student, introduction, request and rep goes (the
// tablets are signed out); booths and the day's counts stay. Typed confirmation, then the files are scrubbed too.
import { ADMIN_PURGE } from '../../../shared/api.ts';
import { PurgeInput } from '../../../shared/privacySchema.ts';
import { purgeFair } from '../../domain/privacy.ts';
import { adminStats } from '../../domain/stats.ts';
import { readInput } from '../plumbing/body.ts';
import { sendReply } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';

const NOT_WIPED = 'The personal data is gone from the fair, but the server could not wipe its files yet (the disk may be full or failing). Try again in a moment.';

async function purge(ctx: Context): Promise<void> {
  const { store, now, run } = ctx.deps;
  await readInput(ctx.req, PurgeInput); // a wrong or missing confirmation answers 400 here, before anything changes
  sendReply(ctx.res, await run({
    decide: () => purgeFair(store.state, now()),
    respond: () => ({ purged: true, stats: adminStats(store.state) }),
    scrub: { notWiped: NOT_WIPED }, // only "purged" once no file in the data folder holds the data any more
  }));
}

export const purgeRoutes: Route[] = [route('POST', ADMIN_PURGE, purge)];
