// Path templates, filled in by the client (pathTo) and compiled by the server into its route
// patterns (server/http/plumbing/pathPattern.ts), so a path is written once. This file holds the public
// downloads, which a plain link or <img> fetches: the student's booth page imports it, and its
// size budget has room for little more. The JSON API's paths are in api.ts.

/** The page a booth's QR code opens; the server puts the booth's public facts in it (routes/boothPage.ts). */
export const BOOTH_PAGE = '/b/:slug';
/**
 * In that page: the server's markup of the facts, which the app removes once it shows them itself,
 * with the facts as JSON in its `data-booth` attribute, for the app (client/lib/prerendered.ts).
 */
export const PRERENDERED_ID = 'prerendered';
export const BOOTH_QR_SVG = '/api/booths/:slug/qr.svg';
export const REP_VCARD = '/api/booths/:slug/reps/:repId.vcf';
export const INTERVIEW_ICS = '/api/interviews/:requestId.ics';
/** A colleague a rep referred the student to, as a contact card; the referral's id is the secret, as a request's is. */
export const REFERRAL_VCARD = '/api/referrals/:referralId.vcf';

/** The venue Wi-Fi's join code for a booth's poster (404 while the fair has no Wi-Fi set). */
export const WIFI_QR_SVG = '/api/booths/:slug/wifi-qr.svg';

/** Every parameter a path may have; the server gives each a URL-safe character class. */
export type PathParam = 'slug' | 'boothId' | 'repId' | 'requestId' | 'referralId';

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
