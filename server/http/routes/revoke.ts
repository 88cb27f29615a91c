// POST /api/admin/booths/<boothId>/reps/<repId>/revoke: the organiser signs one tablet out.
// The publisher drops the tablet's sockets once the revocation is durable (see broadcast.ts),
// and the /rep handshake refuses its token from then on.
import { ADMIN_REVOKE_TABLET } from '../../../shared/api.ts';
import { revokeRep } from '../../domain/booths.ts';
import { boothAdminById } from './boothAdmin.ts';
import { sendReply } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';

async function revoke(ctx: Context): Promise<void> {
  const { store, now, config, run } = ctx.deps;
  const [boothId = '', repId = ''] = ctx.params;
  sendReply(ctx.res, await run({
    decide: () => revokeRep(store.state, { boothId, repId }, now()),
    respond: () => boothAdminById(store.state, boothId, config.publicUrl),
  }));
}

export const revokeRoutes: Route[] = [
  route('POST', ADMIN_REVOKE_TABLET, revoke),
];
