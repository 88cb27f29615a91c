// Downloads that need a bearer header (a plain link cannot send one): fetch, then save the blob
// under the server's file name. Answers a Reply, so a refusal shows as the server's sentence.
import type { Reply } from '../../shared/protocol.ts';
import { replyFrom } from './http.ts';

/** How long the saved file's blob URL lives: the browser has long started saving it by then. */
const BLOB_URL_MS = 60_000;

export async function downloadWithToken(path: string, token: string, fallbackName: string): Promise<Reply<null>> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
  if (!res) return { ok: false, error: { code: 'INTERNAL', message: 'Could not reach the server. Check the network and try again.' } };
  if (!res.ok) return replyFrom<null>(res);
  const name = /filename="?([^";]+)"?/i.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_MS);
  return { ok: true, data: null };
}
