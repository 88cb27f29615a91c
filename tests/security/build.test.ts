// The built client obeys its own CSP: no inline script, handler or style, and nothing loaded from
// another origin (the venue may have no internet, and a CDN would see every student's visit).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');
if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('The client is not built: run `npm run build` first.');

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const files = (extension: string) => walk(DIST).filter((f) => f.endsWith(extension));
const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Absolute URLs that the code holds but never loads, each with its reason. */
const NOT_LOADED = new Map([
  ['www.w3.org', 'XML namespace names (SVG, MathML, XLink)'],
  ['example.com', 'the example address in form hints'],
  ['socket.io', 'a documentation link in a socket.io-client error message'],
  ['sr', "@solidjs/router's base for parsing paths"],
  ['action', "@solidjs/router's marker for form actions"],
  ['', '"https:// or http://" in a form hint'],
]);

describe('the built client', () => {
  it('has no inline script, event handler, style or <style> in index.html, and loads only its own files', () => {
    const html = read(path.join(DIST, 'index.html'));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style\b/i);
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/gi)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^\/(?!\/)/);
  });

  it('has no inline handler or style attribute in the compiled templates (the CSP would block them)', () => {
    for (const file of files('.js')) {
      expect(read(file).match(/<[a-z][^<>`]*\s(?:on[a-z]+|style)=/gi), path.basename(file)).toBeNull();
    }
  });

  it('loads no style sheet, font or image from another origin', () => {
    for (const file of files('.css')) {
      const css = read(file);
      for (const [, url] of css.matchAll(/url\(\s*['"]?([^'")]*)/gi)) expect(url, path.basename(file)).toMatch(/^(\/(?!\/)|\.|data:image\/)/);
      expect(css, path.basename(file)).not.toMatch(/@import/i);
    }
  });

  it('holds no other origin in any file, apart from names that are never loaded', () => {
    for (const file of walk(DIST).filter((f) => !f.endsWith('.gz'))) {
      for (const [url, host] of read(file).matchAll(/https?:\/\/([a-z0-9.-]*)/gi)) {
        expect(NOT_LOADED.has(host!.toLowerCase().replace(/\.+$/, '')), `${path.basename(file)}: ${url}`).toBe(true);
      }
    }
  });
});
