// How withdrawal, erasure and the organiser's purge change the state: the privacy part of `apply`
// (state.ts). Each removes records outright, so what is gone from memory is gone from the next
// snapshot too (and, after Store.scrub, from every file). Events are facts already decided: no checks.
import type { FairEvent, FairState, PurgedCounts } from './state.ts';
import { introductionId } from './students.ts';

export type PrivacyEvent = Extract<FairEvent, { type: 'introduction.withdrawn' | 'student.erased' | 'fair.purged' }>;

export const isPrivacyEvent = (event: FairEvent): event is PrivacyEvent =>
  event.type === 'introduction.withdrawn' || event.type === 'student.erased' || event.type === 'fair.purged';

export function applyPrivacyEvent(state: FairState, event: PrivacyEvent): void {
  switch (event.type) {
    case 'introduction.withdrawn':
      delete state.introductions[introductionId(event.boothId, event.studentId)];
      return;
    case 'student.erased':
      delete state.students[event.studentId];
      dropWhere(state.introductions, (intro) => intro.studentId === event.studentId);
      dropWhere(state.requests, (request) => request.studentId === event.studentId);
      return;
    case 'fair.purged':
      state.purged = countsOf(state, event.at);
      state.students = {};
      state.introductions = {};
      state.requests = {};
      // Tablets stay paired (their token hash is no personal data); who held them goes.
      state.reps = Object.fromEntries(Object.entries(state.reps).map(([id, rep]) => [id, { ...rep, name: '', email: '' }]));
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

function dropWhere<T>(collection: Record<string, T>, gone: (item: T) => boolean): void {
  for (const [id, item] of Object.entries(collection)) if (gone(item)) delete collection[id];
}

/** The day's counts so far (earlier purges included), so the organiser's figures outlive the data. */
function countsOf(state: FairState, at: string): PurgedCounts {
  const before = state.purged;
  const booths: PurgedCounts['booths'] = {};
  for (const [id, counts] of Object.entries(before?.booths ?? {})) booths[id] = { ...counts };
  const boothCounts = (id: string) => (booths[id] ??= { introductions: 0, accepted: 0 });
  for (const intro of Object.values(state.introductions)) boothCounts(intro.boothId).introductions += 1;
  let accepted = 0;
  for (const request of Object.values(state.requests)) {
    if (request.status !== 'accepted') continue;
    accepted += 1;
    boothCounts(request.boothId).accepted += 1;
  }
  return {
    at,
    students: (before?.students ?? 0) + Object.keys(state.students).length,
    introductions: (before?.introductions ?? 0) + Object.keys(state.introductions).length,
    requests: (before?.requests ?? 0) + Object.keys(state.requests).length,
    accepted: (before?.accepted ?? 0) + accepted,
    booths,
  };
}
