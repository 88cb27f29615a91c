// The organiser's REST calls, each with the bearer token, each answering a Reply.
import type { BoothAdmin, FairInfo, FairSettings, ImportResult, Reply } from '../../../shared/protocol.ts';
import { fetchReply, jsonBody, replyFrom } from '../../lib/http.ts';

export function createAdminApi(token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  const get = <T,>(path: string) => fetchReply<T>(path, { headers: auth });
  const send = <T,>(method: string, path: string, value?: unknown) =>
    fetchReply<T>(path, { method, ...(value === undefined ? { headers: auth } : jsonBody(value, auth)) });

  return {
    fair: () => get<FairInfo>('/api/admin/fair'),
    saveFair: (fair: FairSettings) => send<FairInfo>('PUT', '/api/admin/fair', fair),
    booths: () => get<BoothAdmin[]>('/api/admin/booths'),
    /** The form's fields as typed; the server parses them with BoothInput. */
    createBooth: (booth: Record<string, string>) => send<BoothAdmin>('POST', '/api/admin/booths', booth),
    resetCode: (boothId: string) => send<BoothAdmin>('POST', `/api/admin/booths/${encodeURIComponent(boothId)}/reset-code`),
    revokeTablet: (boothId: string, repId: string) =>
      send<BoothAdmin>('POST', `/api/admin/booths/${encodeURIComponent(boothId)}/reps/${encodeURIComponent(repId)}/revoke`),
    importCsv: (csv: string) =>
      fetchReply<ImportResult>('/api/admin/booths/import', {
        method: 'POST',
        body: csv,
        headers: { ...auth, 'Content-Type': 'text/csv' },
      }),
    /** Downloads need the bearer header, so a plain link cannot do it: fetch, then save the blob. */
    download: async (path: string, fallbackName: string): Promise<Reply<null>> => {
      const res = await fetch(path, { headers: auth }).catch(() => undefined);
      if (!res) return { ok: false, error: { code: 'INTERNAL', message: 'Could not reach the server. Check the network and try again.' } };
      if (!res.ok) return replyFrom<null>(res);
      const name = /filename="?([^";]+)"?/i.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
      const url = URL.createObjectURL(await res.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { ok: true, data: null };
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
