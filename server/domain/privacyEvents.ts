// How withdrawal, erasure and the organiser's purge change the state: the privacy part of `apply`
// (state.ts). Each removes records outright, so what is gone from memory is gone from the next
// snapshot too (and, after Store.scrub, from every file). Events are facts already decided: no checks.
import { unknownEvent } from './eventTypes.ts';
import { heldCounts, keepCounts } from './dayCounts.ts';
import { introductionId, introductionIdsOfStudent } from './introductions.ts';
import type { FairEvent, FairState } from './types.ts';

export type PrivacyEvent = Extract<FairEvent, { type: 'introduction.withdrawn' | 'student.erased' | 'fair.purged' }>;

export const isPrivacyEvent = (event: FairEvent): event is PrivacyEvent =>
  event.type === 'introduction.withdrawn' || event.type === 'student.erased' || event.type === 'fair.purged';

/**
 * An erasure or a purge: what it removes must leave every file too (Store.scrub), so the journal
 * lines before it, which hold that data, must go. Reads only the type: the store asks it of lines
 * it has not yet checked further.
 */
export const wipesPersonalData = (event: Pick<FairEvent, 'type'>): boolean => event.type === 'student.erased' || event.type === 'fair.purged';

export function applyPrivacyEvent(state: FairState, event: PrivacyEvent): void {
  switch (event.type) {
    case 'introduction.withdrawn':
      state.introductions.delete(introductionId(event.boothId, event.studentId));
      return;
    case 'student.erased':
      if (event.counts) state.purged = keepCounts(state.purged, event.counts);
      state.students.delete(event.studentId);
      for (const id of introductionIdsOfStudent(state, event.studentId)) state.introductions.delete(id);
      dropWhere(state.requests, (request) => request.studentId === event.studentId);
      return;
    case 'fair.purged':
      state.purged = keepCounts(state.purged, heldCounts(state), event.at);
      state.students = new Map();
      state.introductions = new Map();
      state.requests = new Map();
      // The reps go whole, which signs every tablet out (its token matches no rep any more). Kept
      // with a blank name, email and title they were "tablets" of nobody: the organiser's table
      // listed ", Engineering lead paired 14:54" and the tablets stayed signed in, nameless, on a
      // day that is over. Revoking them instead would keep a row and a token hash per tablet for
      // nothing. Booths and their pairing codes stay: a tablet pairs again as on the first day.
      state.reps = new Map();
      return;
    default: {
      const unknown: never = event;
      throw unknownEvent(unknown);
    }
  }
}

function dropWhere<T>(collection: Map<string, T>, gone: (item: T) => boolean): void {
  for (const [id, item] of collection) if (gone(item)) collection.delete(id);
}
