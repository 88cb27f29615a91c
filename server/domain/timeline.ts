// The day in quarters of an hour: how many introductions were made and requests sent in each, for
// the organiser's chart. The dashboard asks every second; at 100,000 introductions a walk of all of
// them each time held the loop ~30 ms (most of it reading the times), so the counts are an index:
// built at first use, then kept by `apply` event by event, also through withdrawals and erasures,
// whose records are counted out before they go. Quarters are counted in absolute time: every time
// zone's offset is a whole number of quarters, so a quarter is the same in UTC and in the fair's zone.
import { introductionId } from './introductions.ts';
import type { FairEvent, FairState, InterviewRequest, Introduction } from './types.ts';

export const QUARTER_MS = 15 * 60_000;

/** Counts by quarter number (ms since the epoch / QUARTER_MS). */
export interface Timeline {
  introductions: Map<number, number>;
  requests: Map<number, number>;
}

/**
 * The index and the collections it counts. `apply` is their only writer, so the same collections
 * mean an index still right; new ones (a purge, memory reloaded from disk) mean a new count.
 * `left`: a count spread over several turns (countTimeline) that has not finished: the records as
 * they were when it began, and how far it got. What `apply` adds meanwhile is counted by `keepTimeline`
 * (it is not in `left`); what it removes is counted out there, counted in here or already: it evens out.
 */
interface Counted {
  timeline: Timeline;
  of: [FairState['introductions'], FairState['requests']];
  left?: { introductions: Introduction[]; requests: InterviewRequest[]; next: number };
}

const timelines = new WeakMap<FairState, Counted>();

export const quarterOf = (iso: string): number => Math.floor(Date.parse(iso) / QUARTER_MS);
export const quarterStart = (quarter: number): string => new Date(quarter * QUARTER_MS).toISOString();

/** The held introductions and requests by quarter (what a wipe removed is in `state.purged`); counts what is left to count. */
export function timelineOf(state: FairState): Timeline {
  const counted = currentCount(state);
  countSome(counted, Infinity);
  return counted.timeline;
}

/**
 * Counts up to `records` more toward the timeline; true once it is complete. A caller that must not
 * hold the event loop (a fair of 300,000 introductions takes ~100 ms to count at once) calls it turn
 * after turn before `timelineOf`.
 */
export function countTimeline(state: FairState, records: number): boolean {
  return countSome(currentCount(state), records);
}

function currentCount(state: FairState): Counted {
  const counted = timelines.get(state);
  if (counted && counted.of[0] === state.introductions && counted.of[1] === state.requests) return counted;
  const fresh: Counted = {
    timeline: { introductions: new Map(), requests: new Map() },
    of: [state.introductions, state.requests],
    left: { introductions: [...state.introductions.values()], requests: [...state.requests.values()], next: 0 },
  };
  timelines.set(state, fresh);
  return fresh;
}

function countSome({ timeline, left }: Counted, records: number): boolean {
  if (!left) return true;
  const total = left.introductions.length + left.requests.length;
  const end = Math.min(total, left.next + records);
  for (let i = left.next; i < end; i++) {
    if (i < left.introductions.length) bump(timeline.introductions, left.introductions[i]!.sharedAt, 1);
    else bump(timeline.requests, left.requests[i - left.introductions.length]!.createdAt, 1);
  }
  left.next = end;
  if (end < total) return false;
  left.introductions = [];
  left.requests = [];
  return true;
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

function bump(counts: Map<number, number>, at: string, by: 1 | -1): void {
  const quarter = quarterOf(at);
  const next = (counts.get(quarter) ?? 0) + by;
  if (next === 0) counts.delete(quarter);
  else counts.set(quarter, next);
}
