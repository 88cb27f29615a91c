// `npx tsx bench/dashboardStats.ts`: what the organiser's live dashboard costs the server. The figures
// are built at most once a second while an organiser watches (realtime/broadcast.ts); at 100,000
// introductions they must not hold the event loop. Builds the benchmark's fair in memory (300 booths,
// 100,000 introductions over a seven-hour day, a request for one in ten) through the domain's own
// commands, then times the first count of the chart's index (a slice a turn, as realtime/adminFigures.ts
// does it, and at once), `adminStats` after it, and after each new scan (the index kept by `apply`).
// BENCH_QUICK=1: 10,000 introductions.
import { requestInterview } from '../server/domain/requests.ts';
import { applyAll, initialState } from '../server/domain/state.ts';
import { introductionCountOfBooth } from '../server/domain/indexes.ts';
import { adminStats, dayQuarters } from '../server/domain/stats.ts';
import { countTimeline, timelineOf } from '../server/domain/timeline.ts';
import { COUNTED_PER_TURN } from '../server/realtime/adminFigures.ts';
import { saveProfile, shareDetails } from '../server/domain/students.ts';
import { configureFair } from '../server/domain/booths.ts';
import { newId } from '../server/ids.ts';
import { boothDecision, BOOTHS, eventsOf, profileOf, studentIdOf } from './store/fair.ts';
import { count, median, ms, percentile } from './numbers.ts';

const INTRODUCTIONS = process.env.BENCH_QUICK === '1' ? 10_000 : 100_000;
const FAIR_START_MS = Date.parse('2026-03-12T08:00:00Z');
const SPACING_MS = 250;
const CALLS = 200;

const state = initialState();
applyAll(state, eventsOf(configureFair(state, {
  name: 'Benchmark Fair', date: '2026-03-12', timeZone: 'Europe/Berlin', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20,
})));
for (let i = 0; i < BOOTHS; i++) applyAll(state, eventsOf(boothDecision(state, i)));
const slugs = [...state.booths.values()].map((b) => b.slug);

function studentDay(n: number): void {
  const at = new Date(FAIR_START_MS + n * SPACING_MS);
  const studentId = studentIdOf(n);
  const slug = slugs[n % slugs.length]!;
  applyAll(state, eventsOf(saveProfile(state, { studentId, profile: profileOf(n) }, at)));
  applyAll(state, eventsOf(shareDetails(state, { studentId, slug }, at)));
  if (n % 10 === 0) applyAll(state, eventsOf(requestInterview(state, { studentId, slug, note: '', requestId: newId() }, at)));
}

for (let n = 0; n < INTRODUCTIONS; n++) studentDay(n);
const online = new Map(slugs.map((_, i) => [[...state.booths.keys()][i]!, 2]));

const timed = (): number => {
  const started = performance.now();
  adminStats(state, online);
  return performance.now() - started;
};

// The booths' index (indexes.ts) is the rest of the server's and is usually built already; timed apart.
let started = performance.now();
introductionCountOfBooth(state, [...state.booths.keys()][0]!);
const boothsIndex = performance.now() - started;
// The chart's index, counted as the /admin namespace counts it the first time: a slice a turn.
const slices: number[] = [];
for (let done = false; !done;) {
  started = performance.now();
  done = countTimeline(state, COUNTED_PER_TURN);
  slices.push(performance.now() - started);
}
// And at once, as a caller without turns would (a fresh state object over the same records).
started = performance.now();
timelineOf({ ...state });
const atOnce = performance.now() - started;
const first = timed();
const quartersOnly = Array.from({ length: CALLS }, () => {
  const t = performance.now();
  dayQuarters(state);
  return performance.now() - t;
});
const steady = Array.from({ length: CALLS }, timed);
const afterScan = Array.from({ length: CALLS }, (_, i) => {
  studentDay(INTRODUCTIONS + i);
  return timed();
});
const bytes = JSON.stringify(adminStats(state, online)).length;

console.log(`Dashboard figures at ${count(state.introductions.size)} introductions, ${count(state.requests.size)} requests, ${BOOTHS} booths:`);
console.log(`  first use: the booths' index ${ms(boothsIndex)}; the chart's index in ${slices.length} slices of ${count(COUNTED_PER_TURN)} records, longest ${ms(Math.max(...slices))} (${ms(atOnce)} at once); then the first call ${ms(first)}`);
console.log(`  the chart's quarters alone: median ${ms(median(quartersOnly))}, p99 ${ms(percentile(quartersOnly, 99))}`);
console.log(`  each call after:          median ${ms(median(steady))}, p99 ${ms(percentile(steady, 99))}, max ${ms(Math.max(...steady))}`);
console.log(`  each call after a scan:   median ${ms(median(afterScan))}, p99 ${ms(percentile(afterScan, 99))}, max ${ms(Math.max(...afterScan))}`);
console.log(`  one push: ${count(bytes)} bytes of JSON (before socket.io's framing)`);
