// The organiser's bearer token, compared in constant time. Never read from the query string:
// URLs end up in logs, history and Referer headers.
import type { IncomingMessage } from 'node:http';
import { isSameSecret } from '../../ids.ts';

export const SIGN_IN = 'Sign in with the organiser link printed by the server.';

/** The token of an `Authorization: Bearer <token>` header, if the request has one. */
export const bearerToken = (req: IncomingMessage): string | undefined => /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '')?.[1];

export function createOrganiserCheck(adminToken: string): (req: IncomingMessage) => boolean {
  return (req) => isSameSecret(bearerToken(req), adminToken);
}
