// The whole fair as data, and the events that change it. `apply` is the only writer, and it never
// changes an entity in place: it puts a new object under the same key. So an entity read at one
// seq stays as it was, and a snapshot can copy the collections at once and write them out over
// many turns of the event loop (snapshotWriter.ts).
import type { BoothStatus, RequestStatus, Slot } from '../../shared/protocol.ts';
import type { FairSettings, Profile, ProfileField } from '../../shared/schema.ts';
import { advanceFeed } from './feed.ts';
import { keepIndexes } from './indexes.ts';
import { applyPrivacyEvent, isPrivacyEvent } from './privacyEvents.ts';
import type { PackedProfile } from './profiles.ts';
import { applyRequestEvent, isRequestEvent } from './requestEvents.ts';

export interface Booth {
  id: string;
  slug: string;
  employer: string;
  booth: string;
  description: string;
  website: string;
  roles: string[];
  place: string;
  status: BoothStatus;
  pairingCode: string;
  createdAt: string;
  /** The booth's sequence number: how many changes its tablets have been sent (see feed.ts). */
  seq?: number;
  /** The booth's number at the last change that took cards away: a tablet behind it reloads all (feed.ts). */
  resetSeq?: number;
}

export interface Rep {
  id: string;
  boothId: string;
  /** sha-256 of the session token; the token itself never touches disk. */
  tokenHash: string;
  name: string;
  title: string;
  email: string;
  pairedAt: string;
  revokedAt?: string;
}

export interface Student {
  id: string;
  /** Read it with `profileOf` (profiles.ts): loaded from a large db.json, it is packed. */
  profile: Profile | PackedProfile;
  createdAt: string;
  updatedAt: string;
}

/** A student's consent to share the named fields with one booth. Id: `${boothId}:${studentId}`. */
export interface Introduction {
  id: string;
  boothId: string;
  studentId: string;
  sharedAt: string;
  fields: ProfileField[];
  /** The booth's sequence number when this last changed. */
  seq?: number;
}

export interface InterviewRequest {
  id: string;
  boothId: string;
  studentId: string;
  note: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  slot?: Slot;
  place?: string;
  repId?: string;
  message?: string;
  /** A proposed time the student declined; the request is pending again. */
  declinedSlot?: Slot;
  /** The booth's sequence number when this last changed. */
  seq?: number;
}

/**
 * The collections are Maps by id: at 100,000 introductions and students, a start builds them from
 * db.json's lists in about a third of the time an object with that many keys takes (an object
 * interns every key), and a Map cannot confuse an id with a property of Object.prototype.
 */
export interface FairState {
  fair: FairSettings;
  booths: Map<string, Booth>;
  reps: Map<string, Rep>;
  students: Map<string, Student>;
  introductions: Map<string, Introduction>;
  requests: Map<string, InterviewRequest>;
  /** What the organiser's purges left of the personal data: counts only (privacyEvents.ts). */
  purged?: PurgedCounts;
}

export interface PurgedCounts {
  at: string;
  students: number;
  introductions: number;
  requests: number;
  accepted: number;
  booths: Record<string, { introductions: number; accepted: number }>;
}

/** The parts of the state that hold entities by their id; the others (`fair`, `purged`) are single values. */
export const COLLECTIONS = ['booths', 'reps', 'students', 'introductions', 'requests'] as const satisfies readonly (keyof FairState)[];

export type FairEvent =
  | { type: 'fair.configured'; fair: FairSettings }
  | { type: 'booth.created'; booth: Booth }
  | { type: 'booth.codeReset'; boothId: string; pairingCode: string }
  | { type: 'booth.statusSet'; boothId: string; status: BoothStatus; repId: string; at: string }
  | { type: 'rep.paired'; rep: Rep }
  | { type: 'rep.revoked'; repId: string; at: string }
  | { type: 'profile.saved'; studentId: string; profile: Profile; at: string }
  | { type: 'introduction.made'; introduction: Introduction }
  | { type: 'introduction.withdrawn'; boothId: string; studentId: string; at: string }
  | { type: 'student.erased'; studentId: string; at: string }
  | { type: 'fair.purged'; at: string }
  | { type: 'request.made'; request: InterviewRequest }
  | { type: 'request.cancelled'; requestId: string; at: string }
  | { type: 'request.accepted'; requestId: string; repId: string; slot: Slot; place: string; at: string }
  | { type: 'request.declined'; requestId: string; repId: string; message: string; at: string }
  | { type: 'request.proposed'; requestId: string; repId: string; slot: Slot; place: string; at: string }
  | { type: 'request.confirmed'; requestId: string; at: string }
  | { type: 'request.proposalDeclined'; requestId: string; at: string }
  | { type: 'request.expired'; requestId: string; at: string };

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
 * changed. Events are facts already decided: no checks here.
 */
export function apply(state: FairState, event: FairEvent): void {
  applyEvent(state, event);
  advanceFeed(state, event); // numbered here, so replaying the journal numbers every event the same
  keepIndexes(state, event);
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
      if (rep) state.reps.set(event.repId, { ...rep, revokedAt: event.at });
      return;
    }
    case 'profile.saved': {
      const existing = state.students.get(event.studentId);
      if (existing) state.students.set(event.studentId, { ...existing, profile: event.profile, updatedAt: event.at });
      else state.students.set(event.studentId, { id: event.studentId, profile: event.profile, createdAt: event.at, updatedAt: event.at });
      return;
    }
    case 'introduction.made':
      state.introductions.set(event.introduction.id, { ...event.introduction });
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}

export function applyAll(state: FairState, events: readonly FairEvent[]): void {
  for (const event of events) apply(state, event);
}
