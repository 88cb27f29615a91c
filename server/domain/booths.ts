// Organiser and pairing rules: the fair's settings, booths, pairing codes, tablets; and finding a
// booth by the address a student scanned or the code a tablet typed.
import type { BoothStatus } from '../../shared/protocol.ts';
import type { BoothFields, FairSettings } from '../../shared/schema.ts';
import { record, refuse, type Decision } from './decision.ts';
import { claim, noClaims, numberHolder, type Claims } from './boothClaims.ts';
import { boothIdBySlug } from './indexes.ts';
import type { Booth, FairEvent, FairState, Rep } from './types.ts';

/** No 0/O, 1/I/L: a code read aloud or off a screen is typed right the first time. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;

/** "2026-02-30" passes the YYYY-MM-DD pattern but is no day: every slot of it would be wrong. */
function isCalendarDate(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
}

export function configureFair(_state: FairState, fair: FairSettings): Decision {
  if (!isCalendarDate(fair.date)) return refuse('INVALID', `There is no ${fair.date}. Enter the date of the fair as YYYY-MM-DD, like 2026-03-12.`);
  return record({ type: 'fair.configured', fair });
}

/** A new booth: the organiser's fields, and the id and pairing code the caller made. */
export type NewBooth = BoothFields & { id: string; pairingCode: string };

export function createBooth(state: FairState, input: NewBooth, now: Date): Decision {
  const booth = decideBooth(state, noClaims(), input, now.toISOString());
  return 'message' in booth ? refuse('CONFLICT', booth.message) : record({ type: 'booth.created', booth });
}

type BoothCreated = Extract<FairEvent, { type: 'booth.created' }>;

/** An import's verdict: the booths to create, in the file's order, and why each other row was not. */
export interface ImportDecision {
  events: BoothCreated[];
  refused: { line: number; message: string }[];
}

/**
 * Many booths decided at once, as one change: each row is checked against the fair and the rows
 * before it (a booth number twice in the file is refused at its second line, a name twice gets
 * `-2`). Linear in the rows: the fair's numbers and addresses come from its indexes.
 */
export function decideImport(state: FairState, rows: readonly ImportRow[], now: Date): ImportDecision {
  const decider = importDecider(state, now);
  for (const row of rows) decider.decide(row);
  return decider.decision;
}

export type ImportRow = NewBooth & { line: number };

/**
 * decideImport a row at a time, so that the caller can step aside between rows. The verdict holds
 * as long as no booth was added meanwhile (booths are never removed).
 */
export function importDecider(state: FairState, now: Date): { decision: ImportDecision; decide: (row: ImportRow) => void } {
  const claims = noClaims();
  const decision: ImportDecision = { events: [], refused: [] };
  const createdAt = now.toISOString();
  return {
    decision,
    decide: ({ line, ...input }) => {
      const booth = decideBooth(state, claims, input, createdAt);
      if ('message' in booth) decision.refused.push({ line, message: booth.message });
      else decision.events.push({ type: 'booth.created', booth });
    },
  };
}

function decideBooth(state: FairState, claims: Claims, input: NewBooth, createdAt: string): Booth | { message: string } {
  const { id, pairingCode, ...fields } = input;
  const taken = numberHolder(state, claims, fields.booth);
  if (taken !== undefined) return { message: `Booth ${fields.booth} is already ${taken}'s. Pick another booth number.` };
  const slug = claim(state, claims, fields.employer, fields.booth);
  return { id, slug, ...fields, status: 'open', pairingCode, createdAt };
}

export function resetPairingCode(state: FairState, input: { boothId: string; pairingCode: string }): Decision {
  if (!state.booths.has(input.boothId)) return refuse('NOT_FOUND', 'That booth does not exist. Reload the page.');
  return record({ type: 'booth.codeReset', ...input });
}

/** A rep tells students the booth is open, on a break, or full (no new interview requests). */
export function setBoothStatus(state: FairState, rep: Rep, status: BoothStatus, now: Date): Decision {
  const booth = state.booths.get(rep.boothId);
  if (!booth) return refuse('NOT_FOUND', 'That booth does not exist any more. Ask the organiser.');
  if (booth.status === status) return record();
  return record({ type: 'booth.statusSet', boothId: booth.id, status, repId: rep.id, at: now.toISOString() });
}

export function pairRep(
  state: FairState,
  input: { code: string; name: string; title: string; email: string; repId: string; tokenHash: string; pinHash?: string },
  now: Date,
): Decision {
  const booth = boothByCode(state, input.code);
  if (!booth) return refuse('UNAUTHORIZED', 'That pairing code is not right. Check it with the organiser and type it again.');
  const rep: Rep = {
    id: input.repId,
    boothId: booth.id,
    tokenHash: input.tokenHash,
    name: input.name,
    title: input.title,
    email: input.email,
    pairedAt: now.toISOString(),
    // The hash, never the PIN: the journal and db.json hold no PIN a reader could type.
    ...(input.pinHash !== undefined && { pinHash: input.pinHash }),
  };
  return record({ type: 'rep.paired', rep });
}

/**
 * The rep signs their own tablet out at the end of a shift: like a revoke (the token stops working,
 * its sockets are dropped, the rep leaves the list on duty), but the organiser's list says who did it.
 */
export function signOutRep(state: FairState, repId: string, now: Date): Decision {
  const rep = state.reps.get(repId);
  if (!rep) return refuse('UNAUTHORIZED', 'This tablet is no longer paired. Pair it again with the booth code.');
  if (rep.revokedAt) return record(); // signed out already: a second tap changes nothing
  return record({ type: 'rep.revoked', repId, at: now.toISOString(), self: true });
}

/** The organiser signs a tablet out: its token stops working and its sockets are dropped. */
export function revokeRep(state: FairState, input: { boothId: string; repId: string }, now: Date): Decision {
  if (!state.booths.has(input.boothId)) return refuse('NOT_FOUND', 'That booth does not exist. Reload the page.');
  const rep = state.reps.get(input.repId);
  if (!rep || rep.boothId !== input.boothId) return refuse('NOT_FOUND', 'That tablet is not paired with this booth. Reload the page.');
  if (rep.revokedAt) return record(); // a second click changes nothing
  return record({ type: 'rep.revoked', repId: rep.id, at: now.toISOString() });
}

/** The booth at this address: the slug in its QR code's link. */
export function boothBySlug(state: FairState, slug: string): Booth | undefined {
  const id = boothIdBySlug(state, slug);
  return id === undefined ? undefined : state.booths.get(id);
}

export const NO_BOOTH = "There is no booth at that address. Scan the booth's QR code again or ask at the booth.";

/** The booth whose current code this is, however it was typed (case, dashes, spaces). */
export function boothByCode(state: FairState, code: string): Booth | undefined {
  const wanted = normaliseCode(code);
  return [...state.booths.values()].find((b) => normaliseCode(b.pairingCode) === wanted);
}

function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
