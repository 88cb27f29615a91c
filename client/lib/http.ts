// JSON over HTTP with the same Reply shape as the sockets, so pages handle both alike.
import type { ErrorBody, Reply } from '../../shared/protocol.ts';

const UNREACHABLE: Reply<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Could not reach the server. Check the Wi-Fi and try again.' },
};

export async function fetchReply<T>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
  try {
    return await replyFrom<T>(await fetch(url, init));
  } catch {
    return UNREACHABLE;
  }
}

/** A response as a Reply: the JSON body on success, the server's `{ error }` otherwise. */
export async function replyFrom<T>(res: Response): Promise<Reply<T>> {
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, data: body as T };
  const error = (body as { error?: ErrorBody } | undefined)?.error;
  if (error && typeof error.message === 'string') return { ok: false, error };
  return {
    ok: false,
    error: {
      code: res.status === 401 ? 'UNAUTHORIZED' : res.status === 404 ? 'NOT_FOUND' : 'INTERNAL',
      message: `The server answered with an error (${res.status}). Try again in a moment.`,
    },
  };
}

export const jsonBody = (value: unknown, headers: Record<string, string> = {}): RequestInit => ({
  body: JSON.stringify(value),
  headers: { 'Content-Type': 'application/json', ...headers },
});
