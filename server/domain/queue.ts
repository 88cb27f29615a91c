// The queue as a student sees it on a booth's page: how many requests wait for an answer, and the
// start of the next slot one of the reps on duty still has free. Read on every booth page and for
// every booth of a phone's view, so it walks only the booth's own requests (the index).
import { repsOfBooth, requestsOfBooth } from './indexes.ts';
import { holdsRepSlot } from './requests.ts';
import { allSlots, overlaps } from './slots.ts';
import type { Booth, FairState } from './types.ts';
import type { Slot } from '../../shared/protocol.ts';

export interface QueueFigures {
  waiting: number;
  nextSlot?: string;
}

/** Without `now` (a view with no clock at hand) the next slot is left out. */
export function queueOf(state: FairState, booth: Booth, now?: Date): QueueFigures {
  const requests = requestsOfBooth(state, booth.id);
  const waiting = requests.reduce((n, r) => n + Number(r.status === 'pending'), 0);
  // A full booth takes no more requests: no free slot to show.
  if (now === undefined || booth.status === 'full') return { waiting };
  const onDuty = repsOfBooth(state, booth.id).filter((r) => !r.revokedAt);
  if (onDuty.length === 0) return { waiting };
  // One diary per person, as the booth page lists them: the same rep on two tablets has one.
  const personOf = new Map<string, string>();
  for (const rep of repsOfBooth(state, booth.id)) personOf.set(rep.id, rep.email.trim().toLowerCase());
  const held = new Map<string, Slot[]>(onDuty.map((rep) => [personOf.get(rep.id)!, []]));
  for (const r of requests) if (holdsRepSlot(r)) held.get(personOf.get(r.repId ?? '') ?? '')?.push(r.slot!);
  const from = now.toISOString();
  const free = (slot: Slot) => [...held.values()].some((taken) => !taken.some((t) => overlaps(t, slot)));
  const next = allSlots(state.fair).find((s) => s.start > from && free(s));
  return next ? { waiting, nextSlot: next.start } : { waiting };
}

/** The figures as one string, to tell whether a push would change what a phone shows. */
export const queueKey = (q: QueueFigures): string => `${q.waiting} ${q.nextSlot ?? ''}`;
