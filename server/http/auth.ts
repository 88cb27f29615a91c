// The organiser's bearer token, compared in constant time. Never read from the query string:
// URLs end up in logs, history and Referer headers.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SIGN_IN = 'Sign in with the organiser link printed by the server.';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Digests of equal length make timingSafeEqual usable whatever the length of the guess. */
export function createOrganiserCheck(adminToken: string): (req: IncomingMessage) => boolean {
  const expected = digest(adminToken);
  return (req) => {
    const token = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '')?.[1];
    return adminToken.length > 0 && token !== undefined && timingSafeEqual(digest(token), expected);
  };
}
