// The booth page as Lighthouse 12 scores it on a phone: its default mobile audit (a mid-range
// phone, slow 4G simulated, the CPU slowed 4×), in Debian's Chromium. Issue #14 found the largest
// paint at 3.0 s and a score of 91 when nothing showed until the app had asked for the booth; the
// server now sends the booth's facts in the page, and a new phone's first step. Each run is a new
// phone: a fresh browser profile, so no run sees the key or the cache an earlier run left.
// Lighthouse 12.2.3, the last to run on Node 20.
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../tests/e2e/browser.ts';
import { api, startServer } from '../tests/helpers.ts';
import { median } from './numbers.ts';

export const LARGEST_PAINT_BUDGET_MS = 1500;
export const SCORE_BUDGET = 98;
const RUNS = 5;
/** Audits run again when Lighthouse lost the trace's start (NO_NAVSTART). */
const MAX_RETRIES = 3;
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export interface BoothPaint {
  largestPaintMs: number[];
  score: number[];
  firstPaintMs: number[];
}

export async function measureBoothPaint(): Promise<BoothPaint & { medianPaintMs: number; medianScore: number }> {
  const server = await startServer();
  try {
    await api(server.url, '/api/admin/booths', {
      token: server.adminToken,
      json: { employer: 'ACME Rockets', booth: '12', description: 'We build the rockets that build the rockets, and we hire all year.', roles: ['Engineering', 'Data'] },
    });
    const url = `${server.url}/b/acme-rockets`;
    const result: BoothPaint = { largestPaintMs: [], score: [], firstPaintMs: [] };
    for (let run = 0, retries = 0; run < RUNS; run++) {
      const chrome = await launchChrome({ chromePath: chromiumPath, chromeFlags: CHROME_FLAGS });
      const audit = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
        .finally(() => chrome.kill());
      const lhr = audit?.lhr;
      // Lighthouse sometimes misses the trace's start in this Chromium and asks to be run again: once more, a few times at most.
      if (lhr?.runtimeError?.code === 'NO_NAVSTART' && retries++ < MAX_RETRIES) {
        run--;
        continue;
      }
      if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`);
      result.largestPaintMs.push(lhr.audits['largest-contentful-paint']!.numericValue!);
      result.firstPaintMs.push(lhr.audits['first-contentful-paint']!.numericValue!);
      result.score.push(Math.round((lhr.categories.performance!.score ?? 0) * 100));
    }
    return { ...result, medianPaintMs: median(result.largestPaintMs), medianScore: median(result.score) };
  } finally {
    await server.close();
  }
}
