// What the clients were told was done ("acknowledged"), kept across every crash of one run.

export interface SharedWith {
  studentId: string;
  slug: string;
}
export interface Requested {
  studentId: string;
  slug: string;
  note: string;
}
export interface Cancelled {
  studentId: string;
  note: string;
}

export interface Ledger {
  /** employer → booth id, for each booth whose creation was answered 201. */
  booths: Map<string, string>;
  /** studentId → the highest profile save number acknowledged (a phone saves one at a time, in order). */
  saves: Map<string, number>;
  /** How many profile saves were acknowledged in all. */
  savesAcknowledged: number;
  /** By action id. */
  shares: Map<string, SharedWith>;
  requests: Map<string, Requested>;
  cancels: Map<string, Cancelled>;
}

export function newLedger(): Ledger {
  return { booths: new Map(), saves: new Map(), savesAcknowledged: 0, shares: new Map(), requests: new Map(), cancels: new Map() };
}

export function acknowledgedCount(ledger: Ledger): number {
  return ledger.booths.size + ledger.savesAcknowledged + ledger.shares.size + ledger.requests.size + ledger.cancels.size;
}

/** Each profile save carries its number in a field the server stores as it is. */
export const saveInterests = (n: number): string => `save #${n}`;
export const saveNumber = (interests: string): number => Number(/^save #(\d+)$/.exec(interests)?.[1] ?? 0);
