// Browser hardening, checked on the real build: every page and every API answer carries the
// security headers, and the built client loads nothing inline and nothing from another origin.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers.ts';

const DIST = path.resolve('dist');
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('The client is not built: run `npm run build` first.');

let server: TestServer;
let slug: string;
beforeAll(async () => {
  server = await startServer({ distDir: DIST });
  const res = await fetch(`${server.url}/api/admin/booths`, {
    method: 'POST', headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' }, body: '{"employer":"ACME"}',
  });
  slug = ((await res.json()) as { slug: string }).slug;
});
afterAll(async () => server?.close());

interface Answer { status: number; headers: http.IncomingHttpHeaders; body: string }

/** A raw request, so the Host header can be what a phone on the LAN would send. */
function request(route: string, options: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${route}`, { method: options.method ?? 'GET', headers: { ...options.headers, ...(options.host ? { host: options.host } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The policy as directive → sources. */
function csp(headers: http.IncomingHttpHeaders): Map<string, string[]> {
  const text = String(headers['content-security-policy'] ?? '');
  return new Map(text.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

/** The hash of each inline script in a page, as a CSP names it: a page may run those and no other. */
const inlineScriptHashes = (body: string): string[] =>
  [...body.matchAll(/<script>(.*?)<\/script>/gs)].map(([, text]) => `'sha256-${crypto.createHash('sha256').update(text!).digest('base64')}'`);

function expectPageHeaders(answer: Answer, what: string, socketOrigin = `ws://127.0.0.1:${server.port}`, inlineScripts: string[] = []): void {
  const policy = csp(answer.headers);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'", ...inlineScripts]);
  expect(policy.get('style-src'), what).toEqual(["'self'"]);
  expect(policy.get('connect-src'), what).toEqual(["'self'", socketOrigin]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(String(answer.headers['content-security-policy']), what).not.toMatch(/unsafe-|\*|https?:/);
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['referrer-policy'], what).toBe('no-referrer');
  expect(answer.headers['cross-origin-opener-policy'], what).toBe('same-origin');
}

describe('every HTML page', () => {
  it('is the built index.html with a strict CSP and the other security headers, for GET and HEAD', async () => {
    const built = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    for (const route of ['/', `/b/${slug}`, '/b/unknown-booth', '/me', '/rep', '/admin', '/admin/posters', '/no/such/page']) {
      const page = await request(route);
      expect(page.status, route).toBe(200);
      expect(page.headers['content-type'], route).toMatch(/^text\/html/);
      // A booth's own page holds its facts in the app's element and names it in the title
      // (routes/boothPage.ts); take them out and it is the built page, byte for byte.
      // Its one inline script (the new phone's first step) is named by hash in its policy, and only there.
      const boothPage = route === `/b/${slug}`;
      const withoutFacts = boothPage
        ? page.body.replace(/<title>[^<]*<\/title>/, built.match(/<title>[^<]*<\/title>/)![0]).replace(/<div id="app"><main class="page" id="prerendered".*?<\/main><\/div>/s, '<div id="app"></div>')
        : page.body;
      if (boothPage) expect(page.body, route).toContain('<h1>ACME</h1>');
      expect(withoutFacts, route).toBe(built);
      const inlineScripts = inlineScriptHashes(page.body);
      expect(inlineScripts, route).toHaveLength(boothPage ? 1 : 0);
      expectPageHeaders(page, route, undefined, inlineScripts);
      const head = await request(route, { method: 'HEAD' });
      expect(head.status, `HEAD ${route}`).toBe(200);
      expect(head.body, `HEAD ${route}`).toBe('');
      expectPageHeaders(head, `HEAD ${route}`, undefined, inlineScripts);
    }
  });

  it('names the socket origin the phone used, and never echoes a Host header that is not a plain host', async () => {
    const onLan = await request('/b/acme', { host: '192.168.1.20:8080' });
    expectPageHeaders(onLan, 'LAN IP', 'ws://192.168.1.20:8080', inlineScriptHashes(onLan.body));
    const byName = await request('/b/acme', { host: 'fair-laptop.local:8080' });
    expectPageHeaders(byName, 'LAN name', 'ws://fair-laptop.local:8080', inlineScriptHashes(byName.body));
    for (const host of ["evil.example; script-src 'unsafe-inline'", 'evil.example/x', 'a b']) {
      const page = await request('/b/acme', { host });
      expect(page.headers['content-security-policy'], host).not.toContain('evil');
      expect(csp(page.headers).get('connect-src'), host).toEqual(["'self'", 'ws:', 'wss:']);
    }
  });

  it('carries the headers on a missing file too, and serves scripts as JavaScript', async () => {
    const missing = await request('/assets/nope-000.js');
    expect(missing.status).toBe(404);
    expectPageHeaders(missing, 'missing asset');
    const script = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/<script[^>]*src="([^"]+)"/)![1]!;
    const asset = await request(script);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('every API answer', () => {
  it('is JSON with nosniff and no-store, errors included', async () => {
    const token = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
    const answers: [what: string, answer: Promise<Answer>, status: number][] = [
      ['health', request('/healthz'), 200],
      ['HEAD health', request('/healthz', { method: 'HEAD' }), 200],
      ['unknown API address', request('/api/nope'), 404],
      ['wrong method', request('/healthz', { method: 'POST' }), 405],
      ['page with a wrong method', request('/admin', { method: 'DELETE' }), 405],
      ['no organiser token', request('/api/admin/booths'), 401],
      ['bad JSON', request('/api/admin/booths', { method: 'POST', headers: token, body: '{"employer":' }), 400],
      ['unknown booth QR', request('/api/booths/no-such-booth/qr.svg'), 404],
      ['unknown booth Wi-Fi QR', request('/api/booths/no-such-booth/wifi-qr.svg'), 404],
      ['unknown interview', request('/api/interviews/AAAAAAAAAAAAAAAAAAAAAA.ics'), 404],
    ];
    for (const [what, pending, status] of answers) {
      const answer = await pending;
      expect(answer.status, what).toBe(status);
      expect(answer.headers['content-type'], what).toBe('application/json; charset=utf-8');
      expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
      expect(answer.headers['cache-control'], what).toBe('no-store');
      expectPageHeaders(answer, what); // harmless on JSON, and it keeps one rule for every answer
    }
  });
});
