// The fair's state at the start, and `apply`, which changes it one event at a time (the entities
// and the events are in types.ts). `apply` is the only writer, and it never changes an entity in
// place: it puts a new object under the same key. So an entity read at one seq stays as it was,
// and a snapshot can copy the collections at once and write them out over many turns of the
// event loop (snapshotWriter.ts).
import { unknownEvent } from './eventTypes.ts';
import { advanceFeed } from './feed.ts';
import { keepIndexes } from './indexes.ts';
import { compactIntroduction, introductionId } from './introductions.ts';
import { applyPrivacyEvent, isPrivacyEvent } from './privacyEvents.ts';
import { applyRequestEvent, isRequestEvent } from './requestEvents.ts';
import { keepTimeline } from './timeline.ts';
import type { Change, FairEvent, FairState } from './types.ts';

/** The parts of the state that hold entities by their id; the others (`fair`, `purged`) are single values. */
export const COLLECTIONS = ['booths', 'reps', 'students', 'introductions', 'requests'] as const satisfies readonly (keyof FairState)[];

export const DEFAULT_SLOT_MINUTES = 20;

export function initialState(): FairState {
  return {
    fair: {
      name: 'Career Fair',
      date: '2026-01-01',
      timeZone: 'UTC',
      windows: [{ start: '13:00', end: '17:00' }],
      slotMinutes: DEFAULT_SLOT_MINUTES,
    },
    booths: new Map(),
    reps: new Map(),
    students: new Map(),
    introductions: new Map(),
    requests: new Map(),
  };
}

/**
 * Applies one event: the state's collections change, the entities in them are replaced, never
 * changed. Events are facts already decided: no checks here. Returns the number the event got in
 * its booth's feed (feed.ts), if a booth's tablets see it.
 */
export function apply(state: FairState, event: FairEvent): number | undefined {
  keepTimeline(state, event); // before: a withdrawal's or an erasure's records are counted out while still there
  applyEvent(state, event);
  const seq = advanceFeed(state, event); // numbered here, so replaying the journal numbers every event the same
  keepIndexes(state, event);
  return seq;
}

function applyEvent(state: FairState, event: FairEvent): void {
  // Interview requests, in requestEvents.ts.
  if (isRequestEvent(event)) return applyRequestEvent(state, event);
  // Withdrawal, erasure and purge, in privacyEvents.ts.
  if (isPrivacyEvent(event)) return applyPrivacyEvent(state, event);
  switch (event.type) {
    case 'fair.configured':
      state.fair = event.fair;
      return;
    // Copies: the state's records get sequence numbers (feed.ts), the events must stay as recorded.
    case 'booth.created':
      state.booths.set(event.booth.id, { ...event.booth });
      return;
    case 'booth.codeReset': {
      const booth = state.booths.get(event.boothId);
      if (booth) state.booths.set(event.boothId, { ...booth, pairingCode: event.pairingCode });
      return;
    }
    case 'booth.statusSet': {
      const booth = state.booths.get(event.boothId);
      if (booth) state.booths.set(event.boothId, { ...booth, status: event.status });
      return;
    }
    case 'rep.paired':
      state.reps.set(event.rep.id, event.rep);
      return;
    case 'rep.revoked': {
      const rep = state.reps.get(event.repId);
      if (rep) state.reps.set(event.repId, { ...rep, revokedAt: event.at, ...(event.self && { signedOut: true as const }) });
      return;
    }
    case 'booth.tagsSet': {
      const booth = state.booths.get(event.boothId);
      if (booth) state.booths.set(event.boothId, { ...booth, tags: [...event.tags] });
      return;
    }
    case 'profile.saved': {
      const existing = state.students.get(event.studentId);
      if (existing) state.students.set(event.studentId, { ...existing, profile: event.profile, updatedAt: event.at });
      else state.students.set(event.studentId, { id: event.studentId, profile: event.profile, createdAt: event.at, updatedAt: event.at, ...(event.walkUp && { walkUp: true as const }) });
      return;
    }
    case 'introduction.made':
      state.introductions.set(event.introduction.id, compactIntroduction(state, event.introduction));
      return;
    case 'introduction.noted': {
      const id = introductionId(event.boothId, event.studentId);
      const intro = state.introductions.get(id);
      if (intro) state.introductions.set(id, { ...intro, assessment: event.assessment });
      return;
    }
    case 'referral.made': {
      const student = state.students.get(event.studentId);
      if (student) state.students.set(event.studentId, { ...student, referrals: [...(student.referrals ?? []), event.referral] });
      return;
    }
    default: {
      const unknown: never = event;
      throw unknownEvent(unknown);
    }
  }
}

/** Applies the events in order; each comes back with the number `apply` gave it. */
export function applyAll(state: FairState, events: readonly FairEvent[]): Change[] {
  return events.map((event) => {
    const seq = apply(state, event);
    return seq === undefined ? { event } : { event, seq };
  });
}
