// GET /api/rep/package.zip: a paired tablet downloads its own booth's package (the organiser's
// per-employer export), with its session token as the Bearer. There is no booth in the address:
// the token names the booth, so a tablet can never ask for another booth's.
import type { IncomingMessage } from 'node:http';
import { REP_PACKAGE } from '../../../shared/api.ts';
import type { FairState, Rep } from '../../domain/types.ts';
import { sha256 } from '../../ids.ts';
import { boothPackages } from '../formats/boothPackage.ts';
import { downloadHeaders, httpError } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';
import { pipeline } from 'node:stream/promises';

const NOT_PAIRED = 'This tablet is not paired with a booth. Pair it again with the booth code.';
const SIGNED_OUT = 'This tablet was signed out. Pair it again with the booth code.';

/** The rep whose session token the request carries, as the /rep socket's handshake finds it. */
function repOfBearer(state: FairState, req: IncomingMessage): Rep | undefined {
  const token = /^Bearer +(\S{1,100}) *$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token === undefined) return undefined;
  const hash = sha256(token);
  for (const rep of state.reps.values()) if (rep.tokenHash === hash) return rep;
  return undefined;
}

async function repPackage({ req, res, deps }: Context): Promise<void> {
  const state = deps.store.state;
  const rep = repOfBearer(state, req);
  if (!rep) throw httpError(401, 'UNAUTHORIZED', NOT_PAIRED);
  if (rep.revokedAt) throw httpError(401, 'UNAUTHORIZED', SIGNED_OUT);
  const booth = state.booths.get(rep.boothId);
  if (!booth) throw httpError(404, 'NOT_FOUND', NOT_PAIRED);
  res.writeHead(200, downloadHeaders('application/zip', `${booth.slug}-${state.fair.date}.zip`));
  await pipeline(boothPackages(state, [booth], deps.now()), res);
}

export const repPackageRoutes: Route[] = [route('GET', REP_PACKAGE, repPackage)];
