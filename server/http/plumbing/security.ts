// Headers every response carries, the HTML pages above all (docs/architecture.md, Identity and security).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../deps.ts';

/** A Host header we are willing to echo into the CSP: a name or an IP address, and a port. */
const PLAIN_HOST = /^([a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(:\d{1,5})?$/i;

/**
 * `connect-src 'self'` does not cover WebSockets in older Safari, so the socket origin is named.
 * It is the address this device used (Host), since phones reach the laptop by LAN IP or name.
 */
function socketSource(req: IncomingMessage, config: Pick<Config, 'tls'>): string {
  const host = req.headers.host;
  if (!host || !PLAIN_HOST.test(host)) return 'ws: wss:';
  return `${config.tls ? 'wss' : 'ws'}://${host}`;
}

/**
 * The policy for this request. `inlineScripts` are the hashes ('sha256-…') of inline scripts a page
 * carries on purpose: only the booth page has one (routes/boothPage.ts), and only that exact text runs.
 */
export function contentSecurityPolicy(req: IncomingMessage, config: Pick<Config, 'tls'>, inlineScripts: string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScripts].join(' '),
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${socketSource(req, config)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, config: Pick<Config, 'tls'>): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(req, config));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
