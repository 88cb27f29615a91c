// The organiser's REST calls, each with the bearer token, each answering a Reply typed by shared/api.ts.
import {
  ADMIN_BOOTH_IMPORT, ADMIN_BOOTHS, ADMIN_FAIR, ADMIN_RESET_CODE, ADMIN_REVOKE_TABLET, EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV,
  type Answers, type JsonPath, type EXPORT_ALL_PACKAGES, type EXPORT_INTRODUCTIONS_XLSX,
} from '../../../shared/api.ts';
import { pathTo, type PathValues } from '../../../shared/paths.ts';
import type { FairSettings, Reply } from '../../../shared/protocol.ts';
import { downloadWithToken } from '../../lib/download.ts';
import { fetchReply, jsonBody } from '../../lib/http.ts';

export function createAdminApi(token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  /** One call: the template filled in, the answer typed by the path and the method. `init` carries the token. */
  const call = <P extends JsonPath, M extends keyof Answers[P] & string>(method: M, path: P, values: PathValues<P>, init: RequestInit = { headers: auth }) =>
    fetchReply<Answers[P][M]>(pathTo(path, values), { ...init, method });

  return {
    fair: () => call('GET', ADMIN_FAIR, {}),
    saveFair: (fair: FairSettings) => call('PUT', ADMIN_FAIR, {}, jsonBody(fair, auth)),
    booths: () => call('GET', ADMIN_BOOTHS, {}),
    /** The form's fields as typed; the server parses them with BoothInput. */
    createBooth: (booth: Record<string, string>) => call('POST', ADMIN_BOOTHS, {}, jsonBody(booth, auth)),
    resetCode: (boothId: string) => call('POST', ADMIN_RESET_CODE, { boothId }),
    revokeTablet: (boothId: string, repId: string) => call('POST', ADMIN_REVOKE_TABLET, { boothId, repId }),
    importCsv: (csv: string) => call('POST', ADMIN_BOOTH_IMPORT, {}, { body: csv, headers: { ...auth, 'Content-Type': 'text/csv' } }),
    /** Downloads need the bearer header, so a plain link cannot do it: fetch, then save the blob. */
    download: (path: Download, fallbackName: string): Promise<Reply<null>> => downloadWithToken(path, token, fallbackName),
  };
}

/** The organiser's file exports: the fair's files, and each employer's package (EXPORT_BOOTH_PACKAGE filled in). */
export type Download =
  | typeof EXPORT_INTRODUCTIONS_CSV
  | typeof EXPORT_INTRODUCTIONS_XLSX
  | typeof EXPORT_FAIR_JSON
  | typeof EXPORT_ALL_PACKAGES
  | `/api/admin/export/booths/${string}.zip`;

export type AdminApi = ReturnType<typeof createAdminApi>;
