// What the organiser sees of a booth: the public view plus its pairing code, URL, counts and tablets;
// and adding one, the same for a single booth and for each row of an import.
import type { BoothAdmin, PairedTablet, Reply } from '../../../shared/protocol.ts';
import type { BoothFields } from '../../../shared/schema.ts';
import type { Deps } from '../../deps.ts';
import { createBooth } from '../../domain/booths.ts';
import { introductionsOfTheDay } from '../../domain/stats.ts';
import type { Booth, FairState } from '../../domain/types.ts';
import { boothPublic } from '../../domain/views.ts';
import { newId, newPairingCode } from '../../ids.ts';

export const boothUrl = (publicUrl: string, slug: string): string => `${publicUrl}/b/${slug}`;

/** Per booth, its tablets oldest first, in one pass; the token hash and the rep's email stay on the server. */
function tabletsByBooth(state: FairState): Map<string, PairedTablet[]> {
  const tablets = new Map<string, PairedTablet[]>();
  const reps = [...state.reps.values()].sort((a, b) => a.pairedAt.localeCompare(b.pairedAt));
  for (const { id, boothId, name, title, pairedAt, revokedAt } of reps) {
    const tablet: PairedTablet = revokedAt ? { id, name, title, pairedAt, revokedAt } : { id, name, title, pairedAt };
    const list = tablets.get(boothId);
    if (list) list.push(tablet);
    else tablets.set(boothId, [tablet]);
  }
  return tablets;
}

function boothAdmin(state: FairState, booth: Booth, publicUrl: string, introductions: number, tablets: PairedTablet[]): BoothAdmin {
  return {
    ...boothPublic(state, booth),
    pairingCode: booth.pairingCode,
    createdAt: booth.createdAt,
    url: boothUrl(publicUrl, booth.slug),
    introductions,
    tablets,
  };
}

/** "2" before "10" (natural order); booths without a number go last; then by employer. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function byBoothNumber(a: Booth, b: Booth): number {
  if (!a.booth !== !b.booth) return a.booth ? -1 : 1;
  return collator.compare(a.booth, b.booth) || collator.compare(a.employer, b.employer);
}

export function boothList(state: FairState, publicUrl: string): BoothAdmin[] {
  const tablets = tabletsByBooth(state);
  return [...state.booths.values()]
    .sort(byBoothNumber)
    .map((booth) => boothAdmin(state, booth, publicUrl, introductionsOfTheDay(state, booth.id), tablets.get(booth.id) ?? []));
}

/** One booth's organiser view, after a command changed it. */
export function boothAdminById(state: FairState, boothId: string, publicUrl: string): BoothAdmin {
  const booth = state.booths.get(boothId);
  if (!booth) throw new Error('The booth is missing right after it was saved.');
  return boothAdmin(state, booth, publicUrl, introductionsOfTheDay(state, boothId), tabletsByBooth(state).get(boothId) ?? []);
}

/** Creates a booth with a fresh id and pairing code; answers with its organiser view. */
export async function addBooth(deps: Deps, fields: BoothFields): Promise<Reply<BoothAdmin>> {
  const { store, now, config, run } = deps;
  const id = newId();
  return run({
    decide: () => createBooth(store.state, { ...fields, id, pairingCode: newPairingCode() }, now()),
    respond: () => boothAdminById(store.state, id, config.publicUrl),
  });
}
