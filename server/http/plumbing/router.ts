// A route table: a method, a path pattern, a handler. Small enough to read in one go.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../../deps.ts';
import { pathPattern, type Template } from './pathPattern.ts';

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  deps: Deps;
  /** The pattern's capture groups, in order. */
  params: string[];
  url: URL;
}

export type Method = 'GET' | 'POST' | 'PUT';

export interface Route {
  method: Method;
  /** Anchored pattern over the path. Captures use URL-safe classes, so no decoding is needed. */
  path: RegExp;
  handle: (ctx: Context) => void | Promise<void>;
}

/** A route for a template of shared/paths.ts or api.ts, compiled to its pattern once, here. */
export const route = <T extends string>(method: Method, template: Template<T>, handle: Route['handle']): Route =>
  ({ method, path: pathPattern(template), handle });

export type Match = { route: Route; params: string[] } | { allow: Method[] } | undefined;

/**
 * The route for this method and path; or, when only the method is wrong, the methods allowed.
 *
 * Ids like `constructor` or `__proto__` pass like any other: every collection a URL parameter is
 * looked up in is a Map or a search of a Map's values (booths by slug, reps of a booth, requests),
 * and the one plain object left, the purge's counts per booth (domain/stats.ts), is only read for a
 * booth that exists, whose id the server made. A guard here turned away a real booth whose address
 * is such a word: an employer called "Constructor" had no QR code and no contact cards.
 */
export function findRoute(routes: readonly Route[], method: string, pathname: string): Match {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allow: Method[] = [];
  for (const candidate of routes) {
    const found = candidate.path.exec(pathname);
    if (!found) continue;
    if (candidate.method === wanted) return { route: candidate, params: found.slice(1).map((p) => p ?? '') };
    allow.push(candidate.method);
  }
  return allow.length > 0 ? { allow } : undefined;
}
