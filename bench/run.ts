// `npm run bench`: the budgets of bench/README.md that are measured so far, as one table.
// BENCH_QUICK=1 runs a short smoke version (10,000 introductions, 5 s of writes; 200 phones, 5 s of
// scans): its verdicts say nothing about the budgets, which are set at 100,000 and 2,000 phones.
// BENCH_ONLY=page|store|growth|import|load|cluster runs one part; BENCH_LOAD_PROFILE=<folder> writes CPU profiles of our
// server during its scan runs (see load/index.ts).
import { loadAverage, ms, ratio, verdict } from './numbers.ts';
import { benchLoad, FULL as LOAD_FULL, QUICK as LOAD_QUICK } from './load/index.ts';
import { benchStore, FULL, QUICK } from './store/index.ts';
import { benchCluster, FULL_CLUSTER, QUICK_CLUSTER } from './cluster/index.ts';
import { benchGrowth, GROWTH_SIZES, QUICK_GROWTH_SIZES } from './store/growth.ts';
import { benchImport, FULL_IMPORT, QUICK_IMPORT } from './store/importRows.ts';
import { measureStudentPage, STUDENT_PAGE_BUDGET_BYTES } from './studentPage.ts';
import { measureBoothTable } from './boothTable.ts';
import { LARGEST_PAINT_BUDGET_MS, measureBoothPaint, SCORE_BUDGET } from './boothPaint.ts';
import { printTable, type Row } from './table.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ONLY;
const PARTS = ['page', 'store', 'growth', 'import', 'load', 'cluster'] as const;
if (only !== undefined && !(PARTS as readonly string[]).includes(only)) throw new Error(`BENCH_ONLY must be one of ${PARTS.join(', ')}; it is "${only}".`);
const wanted = (part: (typeof PARTS)[number]): boolean => only === undefined || only === part;

async function benchPage(): Promise<Row[]> {
  const weight = await measureStudentPage();
  console.log('\nStudent page /b/:slug, as a phone downloads it (gzip over the wire):');
  for (const file of weight.files) console.log(`  ${kb(file.bytes).padStart(9)}  ${file.url}`);
  return [
    {
      benchmark: 'student page JS + CSS (gzip)',
      measured: kb(weight.scriptsAndStyles),
      baseline: '—',
      ratio: '—',
      goal: `≤ ${kb(STUDENT_PAGE_BUDGET_BYTES)} (${ratio(weight.scriptsAndStyles / STUDENT_PAGE_BUDGET_BYTES)} of it)`,
      verdict: verdict(weight.scriptsAndStyles <= STUDENT_PAGE_BUDGET_BYTES),
    },
    { benchmark: '  everything the page loads', measured: kb(weight.everything), baseline: '—', ratio: '—', goal: '—', verdict: '' },
    ...(await benchBoothPaint()),
    ...(await benchBoothTable()),
  ];
}

/** The booth page in Lighthouse's mobile audit: the largest paint and the performance score. */
async function benchBoothPaint(): Promise<Row[]> {
  const paint = await measureBoothPaint();
  console.log(`\nBooth page in Lighthouse 12 (mobile, slow 4G and a 4× slower CPU, simulated; load average ${loadAverage()}): ` +
    `largest paint ${paint.largestPaintMs.map(ms).join(', ')}; first paint ${paint.firstPaintMs.map(ms).join(', ')}; score ${paint.score.join(', ')}`);
  return [
    {
      benchmark: 'booth page largest paint (Lighthouse, slow 4G)', measured: ms(paint.medianPaintMs), baseline: '—', ratio: '—',
      goal: `≤ 1.5 s (${ratio(paint.medianPaintMs / LARGEST_PAINT_BUDGET_MS)} of it)`, verdict: verdict(paint.medianPaintMs <= LARGEST_PAINT_BUDGET_MS),
    },
    {
      benchmark: '  Lighthouse performance score', measured: String(paint.medianScore), baseline: '—', ratio: '—',
      goal: `≥ ${SCORE_BUDGET}`, verdict: verdict(paint.medianScore >= SCORE_BUDGET),
    },
  ];
}

/** The organiser's booth table at 1,280 px: information rows, and a verdict on sideways scrolling. */
async function benchBoothTable(): Promise<Row[]> {
  return (await measureBoothTable()).flatMap((f) => [
    {
      benchmark: `booth table, ${f.booths.toLocaleString('en')} booths: data → painted`,
      measured: ms(f.dataToPaintMs),
      baseline: '—',
      ratio: '—',
      goal: 'no sideways scroll at 1,280 px',
      verdict: verdict(!f.sideways),
    },
    { benchmark: '  elements in the page / rows', measured: `${f.elements.toLocaleString('en')} / ${f.rows}`, baseline: '—', ratio: '—', goal: '—', verdict: '' },
    { benchmark: '  search → painted', measured: ms(f.searchToPaintMs), baseline: '—', ratio: '—', goal: '—', verdict: '' },
  ]);
}

const pageRows = wanted('page') ? await benchPage() : [];
const storeRows = wanted('store') ? await benchStore(quick ? QUICK : FULL) : [];
const growthRows = wanted('growth') ? await benchGrowth(quick ? QUICK_GROWTH_SIZES : GROWTH_SIZES) : [];
const importRows = wanted('import') ? await benchImport(quick ? QUICK_IMPORT : FULL_IMPORT) : [];
const loadRows = wanted('load') ? await benchLoad(quick ? LOAD_QUICK : LOAD_FULL) : [];
const clusterRows = wanted('cluster') ? await benchCluster(quick ? QUICK_CLUSTER : FULL_CLUSTER) : [];

console.log(`\nResults${quick ? ' (BENCH_QUICK=1: a smoke run on a small fair, not a check of the budgets)' : ''}. ` +
  'Every ratio is to a baseline measured in this run on this machine and disk; the absolute figures are machine-dependent.\n');
printTable([...pageRows, ...storeRows, ...growthRows, ...importRows, ...loadRows, ...clusterRows]);
