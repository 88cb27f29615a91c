// Every script of the built client reaches the browser with V8's compile hint as its first line,
// gzip-compressed or not: without it a phone compiles each function on the main thread the first
// time it runs, in the booth page's first tasks (vite.config.ts, compileHint).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startServer, type TestServer } from '../helpers.ts';

const HINT = '//# allFunctionsCalledOnLoad\n';
const scripts = fs.readdirSync(path.resolve('dist/assets')).filter((name) => name.endsWith('.js'));

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('the compile hint', () => {
  it('begins every script the server sends, in both encodings', async () => {
    expect(scripts.length).toBeGreaterThan(5);
    for (const name of scripts) {
      for (const encoding of ['identity', 'gzip']) {
        const res = await api(server.url, `/assets/${name}`, { headers: { 'accept-encoding': encoding } });
        expect(res.status, name).toBe(200);
        expect(res.headers.get('content-encoding') ?? 'identity', name).toBe(encoding);
        expect((await res.text()).startsWith(HINT), `${name} (${encoding})`).toBe(true);
      }
    }
  });

  it('begins the page entry the booth page loads', async () => {
    const html = await (await api(server.url, '/b/anything')).text();
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toMatch(/^\/assets\/index-.*\.js$/);
    expect((await (await api(server.url, entry!)).text()).startsWith(HINT)).toBe(true);
  });
});
