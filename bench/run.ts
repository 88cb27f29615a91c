// `npm run bench`: the budgets of DESIGN.md section 6 that are measured so far, as a table.
import { measureStudentPage, STUDENT_PAGE_BUDGET_BYTES } from './studentPage.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const weight = await measureStudentPage();
console.log('\nStudent page /b/:slug, as a phone downloads it (gzip over the wire):');
for (const file of weight.files) console.log(`  ${kb(file.bytes).padStart(9)}  ${file.url}`);
console.table([
  {
    benchmark: 'student page JS + CSS (gzip)',
    measured: kb(weight.scriptsAndStyles),
    budget: kb(STUDENT_PAGE_BUDGET_BYTES),
    'ratio to budget': (weight.scriptsAndStyles / STUDENT_PAGE_BUDGET_BYTES).toFixed(2),
    verdict: weight.scriptsAndStyles <= STUDENT_PAGE_BUDGET_BYTES ? 'within' : 'OVER',
  },
  { benchmark: 'student page, everything it loads', measured: kb(weight.everything), budget: '', 'ratio to budget': '', verdict: '' },
]);
console.log('Not yet measured here: scan→tablet latency, durable ack, start-up and CSV export at 100k, memory at 5,000 phones.');
