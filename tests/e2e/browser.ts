// Debian's Chromium through playwright-core; never a downloaded browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, devices, type Browser, type BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { setDefaultFair } from '../../server/firstStart.ts';
import { startServer, type TestServer } from '../helpers.ts';

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const required = Boolean(process.env.CI || process.env.BOOTHLINK_REQUIRE_BROWSER);
export const hasBrowser = fs.existsSync(chromiumPath);

if (!hasBrowser) {
  const message = `No Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
  if (required) throw new Error(`${message} Browser tests are required in CI.`);
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING BROWSER TESTS. ${message}\n${'!'.repeat(78)}\n`);
}

if (!fs.existsSync(path.resolve('dist/index.html'))) {
  throw new Error('The client is not built: run `npm run build` (npm test does it first).');
}

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS, headless: true });

/** A device profile for Chromium (Playwright's iPad profiles default to WebKit). */
export function device(name: 'Pixel 7' | 'iPad (gen 7) landscape' | 'Desktop Chrome'): BrowserContextOptions {
  const { defaultBrowserType: _ignored, ...options } = devices[name]!;
  return options;
}

/** One server and one browser for a test file, closed after it; nothing starts without Chromium. */
export function useServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!hasBrowser) return;
    server = await startServer();
    // Dated tomorrow, as an organiser would: a fair whose windows are over takes no requests.
    await setDefaultFair(server.store, new Date(Date.now() + 86_400_000), 'UTC');
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() { return server!; },
    get browser() { return browser!; },
  };
}
