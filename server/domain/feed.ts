// Each booth's change feed: every change its tablets are sent gets the booth's next sequence number.
// The numbers live in the state and are assigned by `apply`, so a restart (snapshot + journal
// replay) reproduces them exactly and a tablet can ask "what changed since n?".
import { unknownEvent } from './eventTypes.ts';
import { introductionId } from './introductions.ts';
import { isRequestEvent, requestOf } from './requestEvents.ts';
import type { FairEvent, FairState } from './types.ts';

/**
 * The booth whose tablets see this event, if any: the one whose feed numbers it. Ask after the
 * event is applied (a request event finds its booth through the request in the state). Exported
 * so the pushes after a commit (realtime/broadcast.ts) can name the same booth instead of working
 * it out again; a purge, which reaches every booth, is theirs to handle apart.
 */
export function feedBoothOf(state: FairState, event: FairEvent): string | undefined {
  if (isRequestEvent(event)) return requestOf(state, event)?.boothId;
  switch (event.type) {
    case 'booth.statusSet':
    case 'booth.tagsSet':
    case 'introduction.noted':
      return event.boothId;
    case 'referral.made': // the referring booth's card of the student says where they were sent
      return event.referral.fromBoothId;
    case 'rep.paired':
      return event.rep.boothId;
    case 'rep.revoked': // the booth's list of reps on duty changes
      return state.reps.get(event.repId)?.boothId;
    case 'introduction.made':
      return event.introduction.boothId;
    case 'introduction.withdrawn':
      return event.boothId;
    // Not shown on a tablet, or (a profile edit) not pushed to booths today.
    case 'fair.configured':
    case 'booth.created':
    case 'booth.codeReset':
    case 'profile.saved':
    case 'student.erased': // each booth's access was withdrawn just before, in the same commit
    case 'fair.purged': // every booth at once: see advanceFeed
      return undefined;
    default: {
      const never: never = event;
      throw unknownEvent(never);
    }
  }
}

/**
 * Gives the event the booth's next number, stamps the card it changed with it, and returns it:
 * undefined when no booth's tablets see the event (a purge renumbers every booth, but is no one
 * booth's change).
 */
export function advanceFeed(state: FairState, event: FairEvent): number | undefined {
  if (event.type === 'fair.purged') {
    resetEveryBooth(state);
    return undefined;
  }
  const boothId = feedBoothOf(state, event);
  const booth = boothId === undefined ? undefined : state.booths.get(boothId);
  if (boothId === undefined || !booth) return undefined;
  // New objects, never changes in place: see state.ts.
  const seq = (booth.seq ?? 0) + 1;
  // A delta cannot tell a tablet what went: one behind this number reloads everything.
  state.booths.set(boothId, event.type === 'introduction.withdrawn' ? { ...booth, seq, resetSeq: seq } : { ...booth, seq });
  const visitor = visitorOf(event);
  if (visitor !== undefined) {
    const intro = state.introductions.get(visitor);
    if (intro) state.introductions.set(visitor, { ...intro, seq });
  } else if (isRequestEvent(event)) {
    const request = requestOf(state, event);
    if (request) state.requests.set(request.id, { ...request, seq });
  }
  return seq;
}

/** The introduction whose visitor card an event changes in its booth's feed, if one. */
export function visitorOf(event: FairEvent): string | undefined {
  switch (event.type) {
    case 'introduction.made':
      return event.introduction.id;
    case 'introduction.noted':
      return introductionId(event.boothId, event.studentId);
    case 'referral.made':
      return introductionId(event.referral.fromBoothId, event.studentId);
    default:
      return undefined;
  }
}

/** After a purge every booth's cards went: each booth's next number tells its tablets to reload. */
function resetEveryBooth(state: FairState): void {
  for (const booth of state.booths.values()) {
    const seq = (booth.seq ?? 0) + 1;
    state.booths.set(booth.id, { ...booth, seq, resetSeq: seq });
  }
}

/** Whether a tablet that has everything up to `since` missed cards being taken away. */
export const missedRemoval = (state: FairState, boothId: string, since: number): boolean =>
  since < (state.booths.get(boothId)?.resetSeq ?? 0);

export const boothSeq = (state: FairState, boothId: string): number => state.booths.get(boothId)?.seq ?? 0;
