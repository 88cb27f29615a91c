// /healthz, the built client with its SPA fallback, and the headers every response carries.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api, openFilesOf, tempDir, waitFor } from '../helpers.ts';
import { INDEX_HTML, startHttpServer, type HttpTestServer } from './support.ts';

let server: HttpTestServer;
afterEach(async () => server?.close());

function expectSecurityHeaders(res: Response, port: number): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('health and static files', () => {
  it('answers /healthz with {"ok":true}', async () => {
    server = await startHttpServer();
    const res = await api(server.url, '/healthz');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"ok":true}');
    expectSecurityHeaders(res, server.port);
  });

  it('serves index.html at / and for client routes, with the security headers', async () => {
    server = await startHttpServer();
    for (const route of ['/', '/b/anything', '/me', '/admin']) {
      const res = await api(server.url, route);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX_HTML);
      expectSecurityHeaders(res, server.port);
    }
  });

  it('caches hashed assets for good and answers 404 for a missing file', async () => {
    server = await startHttpServer();
    const asset = await api(server.url, '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expectSecurityHeaders(asset, server.port);
    const missing = await api(server.url, '/assets/nope-000.js');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, server.port);
  });

  it('says how to build the client when dist has no index.html', async () => {
    const empty = tempDir('boothlink-empty-dist-');
    server = await startHttpServer({ distDir: empty });
    const res = await api(server.url, '/b/acme');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('The client is not built yet: run npm run build.');
    expectSecurityHeaders(res, server.port);
    // Built after the start: served from then on, without a restart.
    fs.writeFileSync(`${empty}/index.html`, INDEX_HTML);
    const built = await api(server.url, '/b/acme');
    expect(built.status).toBe(200);
    expect(await built.text()).toBe(INDEX_HTML);
    fs.rmSync(empty, { recursive: true, force: true });
  });

  // Linux lists a process's open files in /proc; elsewhere there is nothing to count.
  it.runIf(fs.existsSync('/proc/self/fd'))('closes the file of a download cut short', async () => {
    server = await startHttpServer();
    // Larger than the socket buffers of loopback, so the file is still being sent when the client goes.
    const file = path.join(server.distDir, 'assets', 'big-abc123.bin');
    fs.writeFileSync(file, Buffer.alloc(16 << 20, 1));
    const openOnFile = () => openFilesOf().filter((open) => open === file).length;
    for (let i = 0; i < 5; i++) {
      const client = net.connect(server.port, '127.0.0.1');
      client.write('GET /assets/big-abc123.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await new Promise((resolve) => client.once('data', resolve));
      client.destroy();
    }
    await waitFor(() => openOnFile() === 0, 5000, 'the aborted downloads to close their file');
  });

  it('ends the response of a file that cannot be opened, and keeps serving', async () => {
    server = await startHttpServer();
    expect((await api(server.url, '/')).status).toBe(200); // the folder is listed at the first request
    fs.rmSync(path.join(server.distDir, 'assets', 'index-abc123.js')); // as a rebuild does
    await expect(api(server.url, '/assets/index-abc123.js').then((res) => res.text())).rejects.toThrow();
    expect((await api(server.url, '/healthz')).status).toBe(200);
  });

  it('leaves /socket.io/ to socket.io and answers HEAD like GET', async () => {
    server = await startHttpServer();
    const polling = await api(server.url, '/socket.io/?EIO=4&transport=polling');
    expect(polling.status).toBe(200);
    expect(await polling.text()).toMatch(/^0\{"sid":/);
    const head = await api(server.url, '/healthz', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers an unknown API address with 404 JSON and a wrong method with 405', async () => {
    server = await startHttpServer();
    const unknown = await api(server.url, '/api/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const wrong = await api(server.url, '/healthz', { method: 'POST', body: '' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/GET/);
    expect((await api(server.url, '/b/acme', { method: 'DELETE' })).status).toBe(405);
  });
});
