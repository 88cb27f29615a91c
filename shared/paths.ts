// The REST paths, named once: the client fills a template's parameters (pathTo), and the server
// compiles the same templates into its route patterns (server/http/pathPattern.ts).
// Strings and one small function only: the student's booth page imports this file, and its size
// budget has no room for more. The answer types below are types, so they cost the page nothing.
import type { AdminStats, BoothAdmin, FairInfo, ImportResult, PairResult } from './protocol.ts';

export const HEALTHZ = '/healthz';

// The organiser's API: every /api/admin path needs the admin token as a Bearer header.
export const ADMIN_FAIR = '/api/admin/fair';
export const ADMIN_BOOTHS = '/api/admin/booths';
export const ADMIN_BOOTH_IMPORT = '/api/admin/booths/import';
export const ADMIN_RESET_CODE = '/api/admin/booths/:boothId/reset-code';
export const ADMIN_REVOKE_TABLET = '/api/admin/booths/:boothId/reps/:repId/revoke';
export const ADMIN_PURGE = '/api/admin/purge';
export const EXPORT_INTRODUCTIONS_CSV = '/api/admin/export/introductions.csv';
export const EXPORT_FAIR_JSON = '/api/admin/export/fair.json';

export const REP_PAIR = '/api/rep/pair';

// Downloads that a plain link or <img> fetches, without a credential.
export const BOOTH_QR_SVG = '/api/booths/:slug/qr.svg';
export const REP_VCARD = '/api/booths/:slug/reps/:repId.vcf';
export const INTERVIEW_ICS = '/api/interviews/:requestId.ics';

/** What each JSON path answers, by method. The exports and downloads above answer a file (or an error as JSON). */
export interface Answers {
  [HEALTHZ]: { GET: { ok: true } };
  [ADMIN_FAIR]: { GET: FairInfo; PUT: FairInfo };
  [ADMIN_BOOTHS]: { GET: BoothAdmin[]; POST: BoothAdmin };
  [ADMIN_BOOTH_IMPORT]: { POST: ImportResult };
  [ADMIN_RESET_CODE]: { POST: BoothAdmin };
  [ADMIN_REVOKE_TABLET]: { POST: BoothAdmin };
  [ADMIN_PURGE]: { POST: { purged: true; stats: AdminStats } };
  [REP_PAIR]: { POST: PairResult };
}
export type JsonPath = keyof Answers;
export type Answer<P extends JsonPath, M extends keyof Answers[P]> = Answers[P][M];

/** Every parameter a path may have; the server gives each a URL-safe character class. */
export type PathParam = 'slug' | 'boothId' | 'repId' | 'requestId';

/** A template's parameter names: '/api/booths/:slug/reps/:repId.vcf' → 'slug' | 'repId'. */
export type ParamsOf<T extends string> = T extends `${string}:${infer Rest}`
  ? Rest extends `${infer Name}/${infer Tail}`
    ? Name | ParamsOf<Tail>
    : Rest extends `${infer Name}.${string}`
      ? Name
      : Rest
  : never;

export type PathValues<T extends string> = { [K in ParamsOf<T>]: string };

/** A parameter in a template: a colon, then letters up to the next "/" or ".". */
export const PARAMETER = /:([A-Za-z]+)/g;

/** The template with each parameter filled in, URL-encoded: pathTo(REP_VCARD, { slug, repId }). */
export function pathTo<T extends string>(template: T, values: PathValues<T>): string {
  return template.replace(PARAMETER, (_, name: string) => encodeURIComponent((values as Record<string, string>)[name]!));
}
