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
  const cluster = readCluster(env);
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
    ...(cluster && { cluster }),
  };
}

const BOTH = 'Past one machine, the server processes share the fair in PostgreSQL (DATABASE_URL) and their live updates in Redis (REDIS_URL), so set both';
const NEITHER = 'or neither to run the fair from this computer\'s data folder';

/** DATABASE_URL and REDIS_URL: both, or neither. */
function readCluster(env: NodeJS.ProcessEnv): Config['cluster'] {
  const databaseUrl = env.DATABASE_URL || undefined;
  const redisUrl = env.REDIS_URL || undefined;
  if (databaseUrl === undefined && redisUrl === undefined) return undefined;
  if (databaseUrl === undefined) throw new Error(`REDIS_URL is set but DATABASE_URL is not. ${BOTH}, ${NEITHER}.`);
  if (redisUrl === undefined) throw new Error(`DATABASE_URL is set but REDIS_URL is not. ${BOTH}, ${NEITHER}.`);
  checkUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:'], 'postgres://boothlink@db.example:5432/fair');
  checkUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:'], 'redis://cache.example:6379');
  return { databaseUrl, redisUrl };
}

/** The variable's value must be a URL of one of the schemes; the error never repeats it (it may hold a password). */
function checkUrl(name: string, value: string, schemes: string[], example: string): void {
  let scheme: string | undefined;
  try {
    scheme = new URL(value).protocol;
  } catch {
    // told below
  }
  if (scheme === undefined || !schemes.includes(scheme)) {
    throw new Error(`${name} must be an address like ${example} (${schemes.map((s) => `${s}//`).join(' or ')}).`);
  }
}
