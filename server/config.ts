// Reads the environment once, in one place. Everything else gets a Config.
import path from 'node:path';
import type { Config } from './deps.ts';

/** A wildcard bind: every interface answers, so the LAN addresses are the ones to print. */
export const listensEverywhere = (host: string): boolean => host === '0.0.0.0' || host === '::';

export function readEnv(env: NodeJS.ProcessEnv, lanAddresses: string[]): Config {
  const port = env.PORT === undefined ? 8080 : Number(env.PORT);
  // Not 0 ("any free port"): the posters and the organiser link must name the port before listening.
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a port number from 1 to 65535, not "${env.PORT}".`);
  }
  const tlsFiles = env.TLS_CERT && env.TLS_KEY ? { cert: env.TLS_CERT, key: env.TLS_KEY } : undefined;
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) throw new Error('Set both TLS_CERT and TLS_KEY for HTTPS, or neither.');
  const scheme = tlsFiles ? 'https' : 'http';
  const host = env.HOST || '0.0.0.0';
  // Bound to one address: that is the only one phones (or this laptop) can reach.
  const hostForUrl = listensEverywhere(host) ? (lanAddresses[0] ?? 'localhost') : host.includes(':') ? `[${host}]` : host;
  let publicUrl = `${scheme}://${hostForUrl}:${port}`;
  if (env.PUBLIC_URL) {
    try {
      publicUrl = new URL(env.PUBLIC_URL).origin;
    } catch {
      throw new Error(`PUBLIC_URL must be a full address like http://192.168.1.20:8080, not "${env.PUBLIC_URL}".`);
    }
  }
  const origins = [publicUrl, ...['localhost', '127.0.0.1', hostForUrl, ...lanAddresses].map((h) => `${scheme}://${h}:${port}`)];
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    publicUrl,
    origins: [...new Set(origins)],
    adminToken: env.ADMIN_TOKEN || undefined,
    distDir: path.resolve('dist'),
    tlsFiles,
  };
}
