// A path template (shared/paths.ts, shared/api.ts) as its route's anchored pattern:
// '/api/booths/:slug/qr.svg' → /^\/api\/booths\/([a-z0-9-]{1,60})\/qr\.svg$/. Each parameter gets a
// URL-safe class, so a capture never needs decoding, and a length cap, so an odd id is refused early.
import { PARAMETER, type ParamsOf, type PathParam } from '../../../shared/paths.ts';

/** The ids the server makes are base64url (ids.ts): no ":", even where EntityId would take one. */
const ID = '[A-Za-z0-9_-]{1,80}';
const CLASS_OF: Record<PathParam, string> = {
  slug: '[a-z0-9-]{1,60}', // as Slug in shared/schema.ts
  boothId: ID,
  repId: ID,
  requestId: ID,
  referralId: ID,
};

const escape = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A template whose parameters all have a class here; any other is a type error that names it. */
export type Template<T extends string> = [ParamsOf<T>] extends [PathParam]
  ? T
  : `":${Exclude<ParamsOf<T>, PathParam>}" needs a character class in server/http/plumbing/pathPattern.ts`;

export function pathPattern<T extends string>(template: Template<T>): RegExp {
  // split() with the capture group alternates literal text and parameter names.
  const parts = template.split(PARAMETER).map((part, i) => {
    if (i % 2 === 0) return escape(part);
    const parameter = CLASS_OF[part as PathParam] as string | undefined;
    if (!parameter) throw new Error(`${template}: give ":${part}" a character class in server/http/plumbing/pathPattern.ts.`);
    return `(${parameter})`;
  });
  return new RegExp(`^${parts.join('')}$`);
}
