// The organiser's booth table with a big fair: from the booth list's arrival to the painted table,
// how many elements the page holds, whether it scrolls sideways at 1,280 px, and how fast a search
// repaints it. Run alone with `npx tsx bench/boothTable.ts`, or as part of `BENCH_ONLY=page npm run bench`.
import type { Page } from 'playwright-core';
import { api, startServer, type TestServer } from '../tests/helpers.ts';
import { launch } from '../tests/e2e/browser.ts';
import { median } from './numbers.ts';

export const BOOTH_COUNTS = [300, 3000] as const;
const LOADS_PER_COUNT = 3;
const LAPTOP = { width: 1280, height: 800 } as const;

export interface BoothTableFigures {
  booths: number;
  /** The booth list's response fully received → the frame after the first row is in the DOM. */
  dataToPaintMs: number;
  elements: number;
  rows: number;
  sideways: boolean;
  /** A search typed → the frame after the table shows its answer; NaN on a page without search. */
  searchToPaintMs: number;
}

/** Employers as a real import would bring them: mostly short, some long, one without any space. */
function boothsCsv(count: number): string {
  const lines = ['employer,booth'];
  for (let i = 1; i <= count; i++) {
    const employer = i % 50 === 0 ? `Employer ${i} Consolidated International Holdings and Subsidiaries of the Northern Region` : `Employer ${i}`;
    lines.push(`${i === count ? 'Supercalifragilisticexpialidocious'.repeat(3) : employer},${i}`);
  }
  return lines.join('\n');
}

// Records, in the page's own clock, the frame painted after the first booth row appears.
const RECORDER = () => {
  const w = window as unknown as { boothTablePaintedAt?: number };
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid=booth-row]')) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => (w.boothTablePaintedAt = performance.now())));
  }).observe(document, { childList: true, subtree: true });
};

async function loadOnce(server: TestServer, page: Page): Promise<Omit<BoothTableFigures, 'booths' | 'searchToPaintMs'>> {
  await page.goto(`${server.url}/admin#booths`);
  await page.waitForFunction(() => (window as unknown as { boothTablePaintedAt?: number }).boothTablePaintedAt !== undefined);
  return page.evaluate(() => {
    const list = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/admin/booths')) as PerformanceResourceTiming[];
    const dataAt = Math.min(...list.map((e) => e.responseEnd));
    const paintedAt = (window as unknown as { boothTablePaintedAt: number }).boothTablePaintedAt;
    return {
      dataToPaintMs: paintedAt - dataAt,
      elements: document.getElementsByTagName('*').length,
      rows: document.querySelectorAll('[data-testid=booth-row]').length,
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

/** Types the last booth's number into the search box and waits for the frame that shows it alone. */
async function searchOnce(page: Page, count: number): Promise<number> {
  const box = page.getByRole('searchbox');
  if ((await box.count()) === 0) return Number.NaN;
  return page.evaluate(async (wanted) => {
    const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const start = performance.now();
    input.value = wanted;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Inline, not a named helper: the TypeScript loader would wrap a named function in a helper the page lacks.
    for (let frame = 0; frame < 600; frame++) {
      const rows = document.querySelectorAll('[data-testid=booth-row]');
      if (rows.length === 1 && rows[0]!.textContent!.includes(wanted)) {
        await new Promise(requestAnimationFrame);
        return performance.now() - start;
      }
      await new Promise(requestAnimationFrame);
    }
    return Number.NaN; // the search never showed the booth alone
  }, String(count));
}

export async function measureBoothTable(counts: readonly number[] = BOOTH_COUNTS): Promise<BoothTableFigures[]> {
  const browser = await launch();
  const figures: BoothTableFigures[] = [];
  try {
    for (const count of counts) {
      const server = await startServer();
      try {
        const res = await api(server.url, '/api/admin/booths/import', { token: server.adminToken, body: boothsCsv(count), headers: { 'content-type': 'text/csv' } });
        if (!res.ok) throw new Error(`The import of ${count} booths failed: ${res.status} ${await res.text()}`);
        const runs: Awaited<ReturnType<typeof loadOnce>>[] = [];
        const searches: number[] = [];
        for (let i = 0; i < LOADS_PER_COUNT; i++) {
          const context = await browser.newContext({ viewport: LAPTOP });
          await context.addInitScript((token) => sessionStorage.setItem('boothlink.adminToken', token), server.adminToken);
          await context.addInitScript(RECORDER);
          const page = await context.newPage();
          runs.push(await loadOnce(server, page));
          searches.push(await searchOnce(page, count));
          await context.close();
        }
        figures.push({
          booths: count,
          dataToPaintMs: median(runs.map((r) => r.dataToPaintMs)),
          elements: runs[0]!.elements,
          rows: runs[0]!.rows,
          sideways: runs.some((r) => r.sideways),
          searchToPaintMs: median(searches),
        });
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await measureBoothTable()) console.log(JSON.stringify(f));
}
