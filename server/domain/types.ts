// The fair's entities and the events that change them, as types only: every rule imports them
// from here, and this imports nothing that runs, so no rule's import can lead back to a rule.
import type { BoothStatus, Outcome, Rating, RequestFields, Slot } from '../../shared/protocol.ts';
import type { BoothFields, FairSettings, Profile, ProfileField } from '../../shared/schema.ts';
import type { PackedProfile } from './profiles.ts';

/** The fields the organiser fills in (BoothFields, shared/schema.ts), and what the fair adds to them. */
export interface Booth extends BoothFields {
  id: string;
  slug: string;
  status: BoothStatus;
  pairingCode: string;
  createdAt: string;
  /** The booth's sequence number: how many changes its tablets have been sent (see feed.ts). */
  seq?: number;
  /** The booth's number at the last change that took cards away: a tablet behind it reloads all (feed.ts). */
  resetSeq?: number;
  /** The tags its reps pick from for a visitor; absent until a rep changes them (DEFAULT_TAGS, shared/boothSchema.ts). */
  tags?: string[];
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
  /** When the tablet stopped working: the organiser revoked it, or (`signedOut`) the rep signed it out. */
  revokedAt?: string;
  signedOut?: true;
  /** sha-256 of `pinSecret(repId, pin)` (server/ids.ts): the PIN that opens the rep view behind the kiosk face. */
  pinHash?: string;
}

export interface Student {
  id: string;
  /** Read it with `profileOf` (profiles.ts): loaded from a large db.json, it is packed. */
  profile: Profile | PackedProfile;
  createdAt: string;
  updatedAt: string;
  /** Typed on a booth's tablet by a visitor without a phone: no key, so no page of their own. */
  walkUp?: true;
  /** Where reps sent the student on: theirs to see, and erased with them. */
  referrals?: Referral[];
}

/** A rep sends a student on: to another booth of the fair, or to a colleague who is not at the fair. */
export interface Referral {
  id: string;
  fromBoothId: string;
  repId: string;
  at: string;
  note: string;
  toBoothId?: string;
  contact?: { name: string; role: string; email: string };
}

/** What a booth's reps keep about one visitor: theirs alone, gone with the introduction. */
export interface Assessment {
  notes: string;
  rating?: Rating;
  tags: string[];
  repId: string;
  at: string;
}

/** A student's consent to share the named fields with one booth. Id: `introductionId` (introductions.ts). */
export interface Introduction {
  id: string;
  boothId: string;
  studentId: string;
  sharedAt: string;
  fields: readonly ProfileField[];
  /** Recorded on the booth's tablet (a visitor without a phone), not by a scan. */
  walkUp?: true;
  assessment?: Assessment;
  /** The booth's sequence number when this last changed. */
  seq?: number;
}

/** The fields a tablet's card shows too (shared/protocol.ts), and which booth and rep it is with. */
export interface InterviewRequest extends RequestFields {
  boothId: string;
  repId?: string;
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
  /** What purges and erasures left of the personal data: counts only (dayCounts.ts). */
  purged?: PurgedCounts;
}

/** A share of the day's figures: how many students, introductions, requests, accepted interviews. */
export interface DayCounts {
  students: number;
  introductions: number;
  requests: number;
  accepted: number;
  booths: Record<string, { introductions: number; accepted: number }>;
  /** Interviews a rep marked attended (absent in records written before it was counted). */
  attended?: number;
  /** Introductions and requests by the start of their quarter of an hour (ISO), for the day's chart (timeline.ts). */
  quarters?: Record<string, QuarterCounts>;
}

export interface QuarterCounts {
  introductions: number;
  requests: number;
}

export interface PurgedCounts extends DayCounts {
  /** When the last purge ran; absent while only erasures were counted. */
  at?: string;
}

export type FairEvent =
  | { type: 'fair.configured'; fair: FairSettings }
  | { type: 'booth.created'; booth: Booth }
  | { type: 'booth.codeReset'; boothId: string; pairingCode: string }
  | { type: 'booth.statusSet'; boothId: string; status: BoothStatus; repId: string; at: string }
  | { type: 'rep.paired'; rep: Rep }
  /** `self`: the rep signed the tablet out; else the organiser revoked it. */
  | { type: 'rep.revoked'; repId: string; at: string; self?: true }
  | { type: 'booth.tagsSet'; boothId: string; tags: string[]; repId: string; at: string }
  /** `walkUp`: typed on a booth's tablet for a visitor without a phone (Student.walkUp). */
  | { type: 'profile.saved'; studentId: string; profile: Profile; at: string; walkUp?: true }
  | { type: 'introduction.made'; introduction: Introduction }
  | { type: 'introduction.withdrawn'; boothId: string; studentId: string; at: string }
  /** The booth's notes, rating and tags on a visitor; replaces the ones before. */
  | { type: 'introduction.noted'; boothId: string; studentId: string; assessment: Assessment }
  | { type: 'referral.made'; studentId: string; referral: Referral }
  /** `counts`: what the student added to the day's figures, kept after they go (absent in journals written before). */
  | { type: 'student.erased'; studentId: string; at: string; counts?: DayCounts }
  | { type: 'fair.purged'; at: string }
  | { type: 'request.made'; request: InterviewRequest }
  | { type: 'request.cancelled'; requestId: string; at: string }
  | { type: 'request.accepted'; requestId: string; repId: string; slot: Slot; place: string; at: string }
  | { type: 'request.declined'; requestId: string; repId: string; message: string; at: string }
  | { type: 'request.proposed'; requestId: string; repId: string; slot: Slot; place: string; at: string }
  | { type: 'request.confirmed'; requestId: string; at: string }
  | { type: 'request.proposalDeclined'; requestId: string; at: string }
  | { type: 'request.expired'; requestId: string; at: string }
  /** After a booked interview's time: did the student come, and what happens next. */
  | { type: 'request.outcomeSet'; requestId: string; repId: string; outcome: Outcome; nextStep: string; at: string }
  /** The booth asks a student it declined (or who cancelled) to send a new request after all. */
  | { type: 'request.invited'; requestId: string; repId: string; at: string };

/** One applied event and, if a booth's tablets see it, the sequence number it got (feed.ts). */
export interface Change {
  event: FairEvent;
  seq?: number;
}
