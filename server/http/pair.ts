// POST /api/rep/pair: a tablet trades the booth's pairing code for a rep session token.
import type { PairResult } from '../../shared/protocol.ts';
import { PairInput } from '../../shared/schema.ts';
import { pairRep } from '../domain/booths.ts';
import { boothPublic, repSelf } from '../domain/views.ts';
import { newId, newToken, sha256 } from '../ids.ts';
import { readInput } from './body.ts';
import { createFailureLimit } from './failureLimit.ts';
import { httpError, sendReply } from './respond.ts';
import { route, type Context, type Route } from './router.ts';

const PAIR_MAX_FAILURES = 10;
const PAIR_WINDOW_MS = 10 * 60_000;
/** Addresses remembered at once; a venue has far fewer tablets. */
const PAIR_MAX_ADDRESSES = 10_000;
const TOO_MANY_CODES = 'Too many wrong pairing codes from this tablet. Ask the organiser for help.';

export function pairRoutes(): Route[] {
  // One limit per handler, so each server (and each test's server) counts on its own.
  const limit = createFailureLimit({ max: PAIR_MAX_FAILURES, windowMs: PAIR_WINDOW_MS, maxKeys: PAIR_MAX_ADDRESSES });

  async function pair({ req, res, deps }: Context): Promise<void> {
    const { store, now, publish, execute } = deps;
    const address = req.socket.remoteAddress ?? 'unknown';
    if (limit.blocked(address, now())) throw httpError(429, 'RATE_LIMITED', TOO_MANY_CODES);
    const input = await readInput(req, PairInput);
    const token = newToken();
    const repId = newId();
    const { reply, changes } = await execute<PairResult>(
      store,
      undefined,
      () => pairRep(store.state, { ...input, repId, tokenHash: sha256(token) }, now()),
      () => {
        const rep = store.state.reps[repId]!;
        return { token, rep: repSelf(rep), booth: boothPublic(store.state, store.state.booths[rep.boothId]!) };
      },
    );
    if (!reply.ok && reply.error.code === 'UNAUTHORIZED') limit.fail(address, now());
    publish(changes);
    sendReply(res, reply);
  }

  return [route('POST', /^\/api\/rep\/pair$/, pair)];
}
