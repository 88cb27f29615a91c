import type { IncomingMessage } from 'node:http';
import type { Config } from '../deps.ts';

/**
 * socket.io's `cors` option does not cover WebSockets, so every handshake is checked here.
 * No Origin header: not a browser page (a script or test) — it still needs a credential.
 */
export function isAllowedOrigin(req: IncomingMessage, config: Pick<Config, 'origins' | 'tls'>): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (config.origins.includes(origin)) return true;
  // Same origin as the address the device used, when that is a literal IP or localhost
  // (a DNS name could be rebound to this laptop by a hostile page).
  const host = req.headers.host ?? '';
  const scheme = config.tls ? 'https' : 'http';
  return origin === `${scheme}://${host}` && /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])(:\d+)?$/i.test(host);
}
