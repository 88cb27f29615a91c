// GET /api/rep/package.zip: a paired tablet downloads its own booth's package (the organiser's
// per-employer export), with its session token as the Bearer. There is no booth in the address:
// the token names the booth, so a tablet can never ask for another booth's.
import { REP_PACKAGE } from '../../../shared/api.ts';
import { repByToken } from '../../tabletToken.ts';
import { boothPackages } from '../formats/boothPackage.ts';
import { bearerToken } from '../plumbing/auth.ts';
import { httpError, sendStream } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';

const NOT_PAIRED = 'This tablet is not paired with a booth. Pair it again with the booth code.';
const SIGNED_OUT = 'This tablet was signed out. Pair it again with the booth code.';

async function repPackage({ req, res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  const rep = repByToken(state, bearerToken(req));
  if (!rep) throw httpError(401, 'UNAUTHORIZED', NOT_PAIRED);
  if (rep.revokedAt) throw httpError(401, 'UNAUTHORIZED', SIGNED_OUT);
  const booth = state.booths.get(rep.boothId);
  if (!booth) throw httpError(404, 'NOT_FOUND', NOT_PAIRED);
  await sendStream(res, 'application/zip', `${booth.slug}-${state.fair.date}.zip`, boothPackages(state, [booth], deps.now()));
}

export const repPackageRoutes: Route[] = [route('GET', REP_PACKAGE, repPackage)];
