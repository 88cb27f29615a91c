import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../server/config.ts';
import { BUILT_SERVER, BUNDLED_SERVER, SERVER_NODE_FLAGS } from '../../bench/serverFlags.ts';

const LAN = ['192.0.2.7', '198.51.100.3'];

describe('reading the environment', () => {
  it('defaults to port 8080 on every interface, ./data, and the first LAN address on posters', () => {
    const config = readEnv({}, LAN);
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: path.resolve('data'), publicUrl: 'http://192.0.2.7:8080' });
    expect(config.origins).toContain('http://198.51.100.3:8080');
  });

  it('puts the one address it listens on into the QR codes when HOST names one', () => {
    expect(readEnv({ HOST: '127.0.0.1', PORT: '9000' }, LAN).publicUrl).toBe('http://127.0.0.1:9000');
    expect(readEnv({ HOST: '::1', PORT: '9000' }, LAN).publicUrl).toBe('http://[::1]:9000');
  });

  it('lets PUBLIC_URL win, keeping only its origin', () => {
    expect(readEnv({ PUBLIC_URL: 'http://fair.example:8080/some/path' }, LAN).publicUrl).toBe('http://fair.example:8080');
  });

  it('runs past one machine with DATABASE_URL and REDIS_URL together, and on the data folder with neither', () => {
    const both = { DATABASE_URL: 'postgres://boothlink:s3cret@db.example:5432/fair', REDIS_URL: 'redis://cache.example:6379' };
    expect(readEnv(both, LAN).cluster).toEqual({ databaseUrl: both.DATABASE_URL, redisUrl: both.REDIS_URL });
    expect(readEnv({}, LAN).cluster).toBeUndefined();
    expect(readEnv({ DATABASE_URL: '', REDIS_URL: '' }, LAN).cluster).toBeUndefined();
  });

  it('refuses one of DATABASE_URL and REDIS_URL alone, or an address of another kind, without repeating it', () => {
    const secret = 'postgres://boothlink:s3cret@db.example:5432/fair';
    const refusal = (env: NodeJS.ProcessEnv) => {
      try {
        readEnv(env, LAN);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal({ DATABASE_URL: secret })).toMatch(/^DATABASE_URL is set but REDIS_URL is not\. .*set both, or neither to run the fair from this computer's data folder\.$/);
    expect(refusal({ REDIS_URL: 'redis://:s3cret@cache.example:6379' })).toMatch(/^REDIS_URL is set but DATABASE_URL is not\./);
    expect(refusal({ DATABASE_URL: 'mysql://boothlink:s3cret@db.example/fair', REDIS_URL: 'redis://cache.example' })).toMatch(/^DATABASE_URL must be an address like postgres:\/\//);
    expect(refusal({ DATABASE_URL: secret, REDIS_URL: 'cache.example:6379' })).toMatch(/^REDIS_URL must be an address like redis:\/\//);
    for (const env of [{ DATABASE_URL: secret }, { DATABASE_URL: secret.replace('postgres', 'mysql'), REDIS_URL: 'redis://x' }]) expect(refusal(env)).not.toContain('s3cret');
  });

  it('says what is wrong with a bad PORT, PUBLIC_URL or half a TLS pair', () => {
    expect(() => readEnv({ PORT: 'eighty' }, LAN)).toThrow('PORT must be a port number from 1 to 65535, not "eighty".');
    expect(() => readEnv({ PORT: '0' }, LAN)).toThrow('PORT must be a port number from 1 to 65535, not "0".');
    expect(() => readEnv({ PUBLIC_URL: 'fair laptop' }, LAN)).toThrow(/PUBLIC_URL must be a full address/);
    expect(() => readEnv({ TLS_CERT: 'cert.pem' }, LAN)).toThrow('Set both TLS_CERT and TLS_KEY for HTTPS, or neither.');
  });
});

describe('the node process', () => {
  it('runs the built server with the flags the benchmarks measured it with', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const script of [scripts.start, scripts.serve]) {
      // Built with the client, not compiled at every start: tsx took ~1 s of each launch (issue #14).
      expect(script).toMatch(new RegExp(`node ${SERVER_NODE_FLAGS.join(' ')} ${BUILT_SERVER.replace('.', '\\.')}$`));
    }
    expect(scripts.start).toMatch(/^npm run build && /);
    expect(scripts.build).toContain(`--outfile=${BUILT_SERVER}`);
    expect(scripts.build).toContain(`--outfile=${BUNDLED_SERVER}`);
  });
});
