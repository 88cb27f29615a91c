// The wire contract between the phones, the tablets, the organiser page and the server.
// Both sides import it; the client's Socket reverses the generics.
import type * as v from 'valibot';
import type {
  AcceptInput, BoothFields, BoothGetInput, BoothStatus, BoothStatusInput, CancelInput, DeclineInput, FairSettings, Profile, ProfileInput,
  ProfileField, ProposalInput, RequestInput, ShareInput, SlotsInput, SyncInput, FieldErrors,
} from './schema.ts';
import type { EraseInput, WithdrawInput } from './privacySchema.ts';
import type {
  BoothTagsInput, InviteInput, NoteInput, OutcomeInput, ReferInput, SignOutInput, UnlockInput, WalkUpInput,
} from './boothSchema.ts';

/**
 * Every socket sends it in its handshake (`auth.version`, beside its credential). A page loaded
 * before the server was updated sends an older one and is refused OUTDATED: bump it whenever an
 * event, a payload or a reply changes shape.
 */
export const PROTOCOL_VERSION = 3;

const HOUR_MS = 3_600_000;
/**
 * How long a phone or a tablet goes on resending an action the server has not answered, from when
 * it was made (client/lib/outbox.ts): then it gives up and says so.
 */
export const RESEND_FOR_MS = 6 * HOUR_MS;
/**
 * How long the server remembers the id of an action it applied, at least, so that a resend is
 * answered and not applied again (server/store/record.ts): twice RESEND_FOR_MS, for a phone's clock
 * that runs fast or was set by hand. Then the id is dropped, and the ids kept stay bounded.
 */
export const KEEP_ACTION_IDS_MS = 2 * RESEND_FOR_MS;

/**
 * A refused handshake, as `connect_error`'s `err.data`: a code, and a sentence to show as it is.
 * BUSY: the server holds all the connections it can (server/realtime/capacity.ts).
 */
export interface HandshakeRefusal {
  code: 'UNAUTHORIZED' | 'OUTDATED' | 'BUSY';
  message: string;
}

export type ErrorCode =
  | 'INVALID' // the payload failed validation; `fields` says where
  | 'UNAUTHORIZED' // no or wrong credential
  | 'FORBIDDEN' // a credential that may not do this
  | 'NOT_FOUND'
  | 'CONFLICT' // the rules refuse it in the current state (taken slot, already decided…)
  | 'RATE_LIMITED'
  | 'STORAGE' // the server could not make it durable; nothing changed
  | 'INTERNAL'
  | 'GAVE_UP'; // never sent: the device stopped resending an action unanswered for RESEND_FOR_MS (client/lib/outbox.ts)

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}
export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type Ack<T> = (reply: Reply<T>) => void;

/**
 * pending → accepted | declined | cancelled | proposed | expired. A proposal (another time from a rep)
 * is confirmed (→ accepted) or declined by the student (→ pending again, for the booth to answer anew).
 */
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'proposed' | 'expired';

/** Whether a student came to a booked interview; set by a rep once its time has come. */
export type Outcome = 'attended' | 'noShow';
/** Handshake's scale: 1 No, 2 Neutral, 3 Yes, 4 Strong yes (RATING_LABELS, boothSchema.ts). */
export type Rating = 1 | 2 | 3 | 4;

export interface Slot {
  start: string; // ISO instant
  end: string;
}

export interface RepPublic {
  id: string;
  name: string;
  title: string;
}

/** A booth as students and tablets see it: the organiser's fields (employer, booth, roles, place…) and what the day adds. */
export interface BoothPublic extends BoothFields {
  id: string;
  slug: string;
  status: BoothStatus;
  /** The reps on duty: signed in, each person once (the same email on two tablets is one rep). */
  reps: RepPublic[];
  fairName: string;
  timeZone: string;
  /** Interview requests waiting for an answer. */
  waiting: number;
  /** The start of the next slot one of the reps on duty still has free, if any. */
  nextSlot?: string;
}

/** A booth in the list a rep refers a student to. */
export interface BoothListItem {
  slug: string;
  employer: string;
  booth: string;
}

/** What the student sees of one of their interview requests. */
export interface StudentRequest {
  id: string;
  status: RequestStatus;
  note: string;
  createdAt: string;
  slot?: Slot;
  place?: string;
  interviewer?: RepPublic & { email: string };
  message?: string;
  /** The booth asked the student to send a new request after declining this one. */
  invitedAt?: string;
}

export interface Visit {
  booth: BoothPublic;
  sharedAt: string;
  fields: ProfileField[];
  requests: StudentRequest[]; // newest first
  /** Why the student cannot send this booth a new request now (a decline, two cancels), as a sentence. */
  askRefused?: string;
}

/** Where a rep sent the student on, as the student sees it. */
export interface StudentReferral {
  id: string;
  at: string;
  note: string;
  from: { employer: string; slug: string };
  to: { kind: 'booth'; employer: string; slug: string; booth: string } | { kind: 'contact'; name: string; role: string; email: string };
}

export interface StudentView {
  studentId: string;
  profile: Profile | null;
  visits: Visit[]; // newest first
  /** Requests kept at booths the student withdrew their details from (the booth sees them no more). */
  withdrawn?: { booth: BoothPublic; requests: StudentRequest[] }[];
  /** Newest first. */
  referrals?: StudentReferral[];
}

/** The part of a profile a student agreed to share with one booth. */
export type StudentCard = Partial<Profile> & { name: string; email: string };

/** The booth's own notes on a visitor: never shown to the student or to another booth. */
export interface AssessmentCard {
  notes: string;
  rating?: Rating;
  tags: string[];
  by: string; // the rep's name
  at: string;
}

/** A referral as the booth that made it sees it. */
export interface ReferralCard {
  id: string;
  at: string;
  by: string; // the rep's name
  note: string;
  to: string; // "Globex (booth 12)" or "Jo Bloggs, Head of Data"
}

export interface VisitorCard {
  introductionId: string;
  studentId: string;
  sharedAt: string;
  student: StudentCard;
  walkUp?: true;
  assessment?: AssessmentCard;
  /** Employers of the fair that referred this student here (shown once the student shared with this booth). */
  referredBy?: string[];
  /** Where this booth's reps sent the student on. */
  referredTo?: ReferralCard[];
}

/** An interview request as the server records it and a booth's tablet shows it. */
export interface RequestFields {
  id: string;
  studentId: string;
  note: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  slot?: Slot;
  place?: string;
  message?: string;
  /** The time the student said no to, when a proposal was declined and the request is pending again. */
  declinedSlot?: Slot;
  /** Set by a rep once a booked interview's time has come. */
  outcome?: Outcome;
  nextStep?: string;
  /** The booth asked the student to send a new request (after a decline or a cancel). */
  invitedAt?: string;
}

export interface RequestCard extends RequestFields {
  student: StudentCard;
  interviewer?: RepPublic;
}

export interface RepSelf extends RepPublic {
  email: string;
  boothId: string;
}

export interface RepView {
  rep: RepSelf;
  booth: BoothPublic;
  /** The booth's tag list, which its reps pick a visitor's tags from. */
  tags: string[];
  /** Whether the rep view opens with a PIN (false for a tablet paired before PINs). */
  hasPin: boolean;
  visitors: VisitorCard[]; // newest first
  requests: RequestCard[]; // pending first, then newest first
  /** The booth's sequence number as of this view: every push to the booth carries the next one. */
  seq: number;
  /** Changes when the server's memory went back (a restart, a reload after a failed write). */
  epoch: string;
}

/** `rep:sync`: the booth's cards that changed after `since`, or all of them when `full`. */
export interface RepSync extends RepView {
  full: boolean;
}

export interface PairResult {
  token: string;
  rep: RepSelf;
  booth: BoothPublic;
}

type In<S extends v.GenericSchema> = v.InferInput<S>;

export interface StudentClientEvents {
  'student:load': (ack: Ack<StudentView>) => void;
  'booth:get': (input: In<typeof BoothGetInput>, ack: Ack<BoothPublic>) => void;
  'profile:save': (input: ProfileInput, ack: Ack<StudentView>) => void;
  'intro:share': (input: In<typeof ShareInput>, ack: Ack<StudentView>) => void;
  'request:create': (input: In<typeof RequestInput>, ack: Ack<StudentView>) => void;
  'request:cancel': (input: In<typeof CancelInput>, ack: Ack<StudentView>) => void;
  'proposal:confirm': (input: In<typeof ProposalInput>, ack: Ack<StudentView>) => void;
  'proposal:decline': (input: In<typeof ProposalInput>, ack: Ack<StudentView>) => void;
  /** Takes the student's details back from one booth (its tablets drop them at once). */
  'intro:withdraw': (input: In<typeof WithdrawInput>, ack: Ack<StudentView>) => void;
  /** Erases everything the server holds about the student, from memory and from its files. */
  'student:erase': (input: In<typeof EraseInput>, ack: Ack<{ erased: true }>) => void;
}
export interface StudentServerEvents {
  /**
   * The student's whole view, after a change to it: to each of their phones and tabs, but not to
   * the one whose action made the change, which has the same view in its answer.
   */
  'student:changed': (view: StudentView) => void;
  'booth:changed': (booth: BoothPublic, seq: number, epoch: string) => void;
}

export interface RepClientEvents {
  'rep:load': (ack: Ack<RepView>) => void;
  'rep:sync': (input: In<typeof SyncInput>, ack: Ack<RepSync>) => void;
  'request:slots': (input: In<typeof SlotsInput>, ack: Ack<Slot[]>) => void;
  'request:accept': (input: In<typeof AcceptInput>, ack: Ack<RequestCard>) => void;
  'request:propose': (input: In<typeof AcceptInput>, ack: Ack<RequestCard>) => void;
  'request:decline': (input: In<typeof DeclineInput>, ack: Ack<RequestCard>) => void;
  'booth:status': (input: In<typeof BoothStatusInput>, ack: Ack<BoothPublic>) => void;
  /** Opens the rep view behind the kiosk face; wrong PINs are limited per tablet. */
  'rep:unlock': (input: In<typeof UnlockInput>, ack: Ack<{ unlocked: true }>) => void;
  /** The rep signs this tablet out (the token stops working, the rep leaves the booth's list on duty). */
  'rep:signOut': (input: In<typeof SignOutInput>, ack: Ack<{ signedOut: true }>) => void;
  /** The fair's other booths, for a referral. */
  'rep:booths': (ack: Ack<BoothListItem[]>) => void;
  /** A visitor without a phone, typed on the tablet (the kiosk face or the rep view). */
  /** Answers the name as typed; `alreadyRecorded` when this booth had the visitor's email already (nothing changed). */
  'visitor:walkUp': (input: In<typeof WalkUpInput>, ack: Ack<{ name: string; alreadyRecorded?: true }>) => void;
  'visitor:note': (input: In<typeof NoteInput>, ack: Ack<VisitorCard>) => void;
  'visitor:refer': (input: In<typeof ReferInput>, ack: Ack<VisitorCard>) => void;
  'booth:tags': (input: In<typeof BoothTagsInput>, ack: Ack<string[]>) => void;
  'request:outcome': (input: In<typeof OutcomeInput>, ack: Ack<RequestCard>) => void;
  'request:invite': (input: In<typeof InviteInput>, ack: Ack<RequestCard>) => void;
}
/**
 * Every push to a booth carries the booth's sequence number (one more than the push before) and
 * the epoch those numbers belong to (it changes when the server's memory went back, e.g. a restart).
 */
export interface RepServerEvents {
  /** A new visitor, or a change to one (notes, a referral). */
  'visitor:changed': (visitor: VisitorCard, seq: number, epoch: string) => void;
  'tags:changed': (tags: string[], seq: number, epoch: string) => void;
  'request:changed': (request: RequestCard, seq: number, epoch: string) => void;
  'booth:changed': (booth: BoothPublic, seq: number, epoch: string) => void;
  /** Cards were taken away (a student withdrew, or the organiser purged the day): reload the booth. */
  'booth:reset': (seq: number, epoch: string) => void;
}

export interface AdminStats {
  students: number;
  introductions: number;
  requests: number;
  accepted: number;
  /** `pending`: requests waiting for an answer; `accepted`: interviews booked. */
  booths: ({ id: string; introductions: number; pending: number; accepted: number } & BoothFigures)[];
  /** Booked interviews a rep marked attended. */
  attended: number;
  /** The chart of the fair's day (stats.ts `dayQuarters`). */
  day: { date: string; timeZone: string; quarters: QuarterFigures[] };
}
/** What the organiser's dashboard shows of a booth besides its counts. */
export interface BoothFigures {
  employer: string;
  booth: string;
  status: BoothStatus;
  /** Paired tablets with the booth's page open now. */
  tabletsOnline: number;
}
/** One quarter of an hour of the fair's day: its start (ISO), the introductions made and requests sent in it. */
export interface QuarterFigures {
  start: string;
  introductions: number;
  requests: number;
}
export interface AdminClientEvents {
  'stats:load': (ack: Ack<AdminStats>) => void;
}
export interface AdminServerEvents {
  'stats:changed': (stats: AdminStats) => void;
}

/** A tablet paired with a booth, as the organiser sees it (revoked ones too, with the time). */
export interface PairedTablet extends RepPublic {
  pairedAt: string;
  revokedAt?: string;
  /** With `revokedAt`: the rep signed the tablet out, rather than the organiser revoking it. */
  signedOut?: true;
}

/** What the organiser's REST API answers for a booth. */
export interface BoothAdmin extends BoothPublic {
  pairingCode: string;
  createdAt: string;
  url: string;
  introductions: number;
  tablets: PairedTablet[];
}

export interface FairInfo extends Omit<FairSettings, 'retentionDays'>, FairCalendar {
  publicUrl: string;
  /** The server's clock when it answered: a countdown on the organiser's page runs from it, not the laptop's. */
  now: string;
}

/** The fair's calendar as of the server's clock (server/domain/retention.ts). */
export interface FairCalendar {
  /** Days after the fair that personal data is kept (the default filled in). */
  retentionDays: number;
  /** The fair's date plus those days: personal data is purged by itself on it. */
  retentionDate: string;
  /** ISO instant of that purge: the retention date's first minute in the fair's time zone. */
  purgeAt: string;
  /** Every interview window of the fair's date has ended: no student can book an interview. */
  windowsOver: boolean;
  /** The day after today in the fair's time zone, offered to a fair set up late. */
  nextDate: string;
}

export interface ImportResult {
  created: BoothAdmin[];
  errors: { line: number; message: string }[];
}

export type { BoothStatus, Profile, ProfileField, FairSettings };
