// The day in quarters of an hour: how many introductions were made and requests sent in each, for
// the organiser's chart. The dashboard asks every second; at 100,000 introductions a walk of all of
// them each time held the loop ~30 ms (most of it reading the times), so the counts are an index:
// built at first use, then kept by `apply` event by event, also through withdrawals and erasures,
// whose records are counted out before they go. Quarters are counted in absolute time: every time
// zone's offset is a whole number of quarters, so a quarter is the same in UTC and in the fair's zone.
import { introductionId } from './introductions.ts';
import type { FairEvent, FairState } from './types.ts';

export const QUARTER_MS = 15 * 60_000;

/** Counts by quarter number (ms since the epoch / QUARTER_MS). */
export interface Timeline {
  introductions: Map<number, number>;
  requests: Map<number, number>;
}

/**
 * The index and the collections it counts. `apply` is their only writer, so the same collections
 * mean an index still right; new ones (a purge, memory reloaded from disk) mean a new count.
 */
interface Counted {
  timeline: Timeline;
  of: [FairState['introductions'], FairState['requests']];
}

const timelines = new WeakMap<FairState, Counted>();

export const quarterOf = (iso: string): number => Math.floor(Date.parse(iso) / QUARTER_MS);
export const quarterStart = (quarter: number): string => new Date(quarter * QUARTER_MS).toISOString();

/** The held introductions and requests by quarter (what a wipe removed is in `state.purged`). */
export function timelineOf(state: FairState): Timeline {
  const counted = timelines.get(state);
  if (counted && counted.of[0] === state.introductions && counted.of[1] === state.requests) return counted.timeline;
  const timeline = buildTimeline(state);
  timelines.set(state, { timeline, of: [state.introductions, state.requests] });
  return timeline;
}

/** Called by `apply` before each event changes the state: what leaves is still there to be counted out. */
export function keepTimeline(state: FairState, event: FairEvent): void {
  const counted = timelines.get(state);
  if (!counted || counted.of[0] !== state.introductions || counted.of[1] !== state.requests) return; // counted afresh at next use
  const { timeline } = counted;
  switch (event.type) {
    case 'introduction.made':
      if (!state.introductions.has(event.introduction.id)) bump(timeline.introductions, event.introduction.sharedAt, 1);
      return;
    case 'request.made':
      if (!state.requests.has(event.request.id)) bump(timeline.requests, event.request.createdAt, 1);
      return;
    case 'introduction.withdrawn': {
      const intro = state.introductions.get(introductionId(event.boothId, event.studentId));
      if (intro) bump(timeline.introductions, intro.sharedAt, -1);
      return;
    }
    case 'student.erased':
      // The student's introductions, one per booth at most; their requests, as the erasure walks them.
      for (const boothId of state.booths.keys()) {
        const intro = state.introductions.get(introductionId(boothId, event.studentId));
        if (intro) bump(timeline.introductions, intro.sharedAt, -1);
      }
      for (const request of state.requests.values()) if (request.studentId === event.studentId) bump(timeline.requests, request.createdAt, -1);
      return;
    default:
      return; // a purge replaces the collections
  }
}

function buildTimeline(state: FairState): Timeline {
  const timeline: Timeline = { introductions: new Map(), requests: new Map() };
  for (const intro of state.introductions.values()) bump(timeline.introductions, intro.sharedAt, 1);
  for (const request of state.requests.values()) bump(timeline.requests, request.createdAt, 1);
  return timeline;
}

function bump(counts: Map<number, number>, at: string, by: 1 | -1): void {
  const quarter = quarterOf(at);
  const next = (counts.get(quarter) ?? 0) + by;
  if (next === 0) counts.delete(quarter);
  else counts.set(quarter, next);
}
