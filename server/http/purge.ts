// The organiser's purge after the event: every student, introduction and request goes, and who the
// reps were; booths and the day's counts stay. Typed confirmation, then the files are scrubbed too.
import { ADMIN_PURGE } from '../../shared/api.ts';
import { PurgeInput } from '../../shared/privacySchema.ts';
import { purgeFair } from '../domain/privacy.ts';
import { adminStats } from '../realtime/stats.ts';
import { readInput } from './body.ts';
import { httpError, sendReply } from './respond.ts';
import { route, type Context, type Route } from './router.ts';

async function purge(ctx: Context): Promise<void> {
  const { store, now, publish, execute } = ctx.deps;
  await readInput(ctx.req, PurgeInput); // a wrong or missing confirmation answers 400 here, before anything changes
  const { reply, changes } = await execute(store, undefined, () => purgeFair(store.state, now()), () => ({ purged: true, stats: adminStats(store.state) }));
  publish(changes);
  if (!reply.ok) return sendReply(ctx.res, reply);
  // Only "purged" once no file in the data folder holds the data any more.
  await store.scrub().catch((error: Error) => {
    throw httpError(503, 'STORAGE', error.message);
  });
  sendReply(ctx.res, reply);
}

export const purgeRoutes: Route[] = [route('POST', ADMIN_PURGE, purge)];
