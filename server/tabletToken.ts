// A tablet's session token → the rep it was given to. The /rep socket's handshake and the tablet's
// package download both ask; only the token's hash is stored (Rep.tokenHash).
import type { FairState, Rep } from './domain/types.ts';
import { sha256 } from './ids.ts';

/** Tokens are 22 characters (ids.ts); anything far longer is not one, and is not hashed. */
const MAX_TOKEN_LENGTH = 100;

export function repByToken(state: FairState, token: unknown): Rep | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const hash = sha256(token);
  for (const rep of state.reps.values()) if (rep.tokenHash === hash) return rep;
  return undefined;
}
