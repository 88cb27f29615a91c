// The REST API's paths (templates, as in paths.ts) and what each answers. The organiser's paths
// need the admin token as a Bearer header; the tablet pairs with the booth's code.
import type { AdminStats, BoothAdmin, FairInfo, ImportResult, PairResult } from './protocol.ts';

export const HEALTHZ = '/healthz';

export const ADMIN_FAIR = '/api/admin/fair';
export const ADMIN_BOOTHS = '/api/admin/booths';
export const ADMIN_BOOTH_IMPORT = '/api/admin/booths/import';
export const ADMIN_RESET_CODE = '/api/admin/booths/:boothId/reset-code';
export const ADMIN_REVOKE_TABLET = '/api/admin/booths/:boothId/reps/:repId/revoke';
export const ADMIN_PURGE = '/api/admin/purge';
/** Files, not JSON (an error still answers JSON). */
export const EXPORT_INTRODUCTIONS_CSV = '/api/admin/export/introductions.csv';
export const EXPORT_FAIR_JSON = '/api/admin/export/fair.json';
/** The introductions as a workbook: typed cells, times on the fair's clock. */
export const EXPORT_INTRODUCTIONS_XLSX = '/api/admin/export/introductions.xlsx';
/** One employer's package (a zip): its introductions as CSV and XLSX, contact cards, interviews. */
export const EXPORT_BOOTH_PACKAGE = '/api/admin/export/booths/:slug.zip';
/** Every employer's package in one zip, a folder each. */
export const EXPORT_ALL_PACKAGES = '/api/admin/export/booths.zip';

export const REP_PAIR = '/api/rep/pair';
/** The tablet's own booth's package, with the tablet's session token as the Bearer. */
export const REP_PACKAGE = '/api/rep/package.zip';

/**
 * What one booth import takes, so the organiser's form can say it before a file is sent. The rows:
 * a fair has hundreds of booths, a multi-hall expo a few thousand, and 10,000 is the size the import
 * is measured at (`npm run bench`, BENCH_ONLY=import); without it a 1 MB file of one-letter rows
 * would be 500,000 booths. The bytes: room for that many rows at ~100 bytes each, or about 3,000
 * employers with a 300-character description each.
 */
export const BOOTH_IMPORT_LIMITS = { rows: 10_000, bytes: 1024 * 1024 } as const;

/** What each JSON path answers, by method. */
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
