// What a new booth takes that no other booth may have: its booth number and its address (the slug
// in its QR code's link). One booth is checked against the fair; an import's rows are checked
// against the fair and the rows before them, whose booths are not in the state yet.
import { boothIdByNumber, boothIdBySlug, boothNumberKey } from './indexes.ts';
import type { FairState } from './types.ts';

/** Numbers and addresses handed out by this decision but not in the state yet. */
export interface Claims {
  /** By `boothNumberKey`: the employer that has it. */
  numbers: Map<string, string>;
  slugs: Set<string>;
  /** Per base address, the next suffix to try: every lower one is taken (`acme-2`…). */
  nextSuffix: Map<string, number>;
}

export const noClaims = (): Claims => ({ numbers: new Map(), slugs: new Set(), nextSuffix: new Map() });

/** The employer whose booth has this number already, in the fair or earlier in the same decision. */
export function numberHolder(state: FairState, claims: Claims, number: string): string | undefined {
  if (!number) return undefined;
  const id = boothIdByNumber(state, number);
  return id !== undefined ? state.booths.get(id)?.employer : claims.numbers.get(boothNumberKey(number));
}

/** Gives the new booth its address and notes its number: no later booth of the same decision gets either. */
export function claim(state: FairState, claims: Claims, employer: string, boothNumber: string): string {
  const slug = uniqueSlug(state, claims, employer, boothNumber);
  claims.slugs.add(slug);
  if (boothNumber) claims.numbers.set(boothNumberKey(boothNumber), employer);
  return slug;
}

/** The employer's name as an address (`Café Müller` → `cafe-muller`), or the booth number's. */
function baseSlug(employer: string, boothNumber: string): string {
  return (
    employer
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || `booth-${boothNumber.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'x'}`
  );
}

/** The base address, or the first of `base-2`, `base-3`… that no booth has. */
function uniqueSlug(state: FairState, claims: Claims, employer: string, boothNumber: string): string {
  const base = baseSlug(employer, boothNumber);
  const taken = (slug: string) => claims.slugs.has(slug) || boothIdBySlug(state, slug) !== undefined;
  if (!taken(base)) return base;
  // Remembered per base: 10,000 rows of one name would otherwise try 1, 2, … 10,000 names each.
  let n = claims.nextSuffix.get(base) ?? 2;
  while (taken(`${base}-${n}`)) n++;
  claims.nextSuffix.set(base, n + 1);
  return `${base}-${n}`;
}
