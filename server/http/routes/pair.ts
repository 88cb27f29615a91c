// POST /api/rep/pair: a tablet trades the booth's pairing code for a rep session token. Wrong codes
// are limited per address and, for guessers with many addresses, across the fair (limits/failures.ts).
import { REP_PAIR } from '../../../shared/api.ts';
import type { PairResult } from '../../../shared/protocol.ts';
import { PairInput } from '../../../shared/schema.ts';
import { boothByCode, pairRep } from '../../domain/booths.ts';
import { boothPublic, repSelf } from '../../domain/views.ts';
import { newId, newToken, pinHashOf, sha256 } from '../../ids.ts';
import { readInput } from '../plumbing/body.ts';
import type { Limits } from '../../limits/tries.ts';
import { httpError, sendReply } from '../plumbing/respond.ts';
import { route, type Context, type Route } from '../plumbing/router.ts';
import { everyCommit } from '../../store/store.ts';

export const PAIR_MAX_FAILURES = 10;
/**
 * Wrong codes from all addresses together per window. Typos of a big fair's morning stay far below
 * it; a guesser with many addresses gets 200 tries per 10 minutes at codes of 31^8 (with 500 booths,
 * about 1 in 8 million per day), and then only codes the organiser reset since still pair.
 */
export const PAIR_MAX_FAILURES_PER_FAIR = 200;
export const PAIR_WINDOW_MS = 10 * 60_000;
/** Addresses remembered at once; a venue has far fewer tablets. */
const PAIR_MAX_ADDRESSES = 10_000;
const TOO_MANY_CODES = 'Too many wrong pairing codes from this tablet. Ask the organiser for help.';
const TOO_MANY_FOR_BOOTH = 'Too many attempts for this booth. Ask the organiser for the code.';

/** `limits`: where the tries are counted (this process, or past one machine Redis, for every process). */
export function pairRoutes(limits: Limits): Route[] {
  // Made per handler: in one process each server (and each test's server) counts on its own; past
  // one machine Redis counts for every process of the fair.
  const limit = limits.tries('pair', { max: PAIR_MAX_FAILURES, windowMs: PAIR_WINDOW_MS, maxKeys: PAIR_MAX_ADDRESSES });
  const lockout = limits.lockout('pair', { max: PAIR_MAX_FAILURES_PER_FAIR, windowMs: PAIR_WINDOW_MS });

  async function pair({ req, res, deps }: Context): Promise<void> {
    const { store, now, run } = deps;
    const address = req.socket.remoteAddress ?? 'unknown';
    // Counted before the body is read: guesses sent together all wait for their bodies, and each
    // must already hold its place in the count, or all of them pass a check made before any is counted.
    const attempt = await limit.attempt(address, now());
    if (!attempt) throw httpError(429, 'RATE_LIMITED', TOO_MANY_CODES);
    const input = await readInput(req, PairInput).catch((error: unknown) => {
      attempt.forgive(); // refused before any code was tried
      throw error;
    });
    const booth = boothByCode(await everyCommit(store), input.code);
    // Decided and counted in one step, so guesses from many addresses cannot pass the fair's limit
    // together either. While the fair is locked, a right code keeps its count like a wrong one:
    // forgiving it would tell a guesser which of its guesses hit.
    if (await lockout.refuses(booth?.pairingCode, now(), () => [...store.state.booths.values()].map((b) => b.pairingCode))) {
      throw httpError(429, 'RATE_LIMITED', TOO_MANY_FOR_BOOTH);
    }
    // A right code costs the tablet nothing: the rep who typed it has the same ten tries for a
    // second tablet or a typo later.
    if (booth) attempt.forgive();
    const token = newToken();
    const repId = newId();
    // The domain gets the PIN's hash, never the PIN: no record holds what a passer-by could type.
    const { pin, ...rep } = input;
    const reply = await run<PairResult>({
      decide: () => pairRep(store.state, { ...rep, repId, tokenHash: sha256(token), pinHash: pinHashOf(repId, pin) }, now()),
      respond: () => {
        const rep = store.state.reps.get(repId)!;
        return { token, rep: repSelf(rep), booth: boothPublic(store.state, store.state.booths.get(rep.boothId)!) };
      },
    });
    sendReply(res, reply);
  }

  return [route('POST', REP_PAIR, pair)];
}
