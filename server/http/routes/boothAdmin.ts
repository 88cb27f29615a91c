// What the organiser sees of a booth: the public view plus its pairing code, URL, counts and tablets;
// and adding one booth (an import decides all its rows at once: import.ts).
import type { BoothAdmin, PairedTablet, Reply } from '../../../shared/protocol.ts';
import type { BoothFields } from '../../../shared/schema.ts';
import type { Deps } from '../../deps.ts';
import { createBooth } from '../../domain/booths.ts';
import { introductionsOfTheDay } from '../../domain/stats.ts';
import { repsOfBooth } from '../../domain/indexes.ts';
import type { Booth, FairState, Rep } from '../../domain/types.ts';
import { boothPublic } from '../../domain/views.ts';
import { newId, newPairingCode } from '../../ids.ts';

export const boothUrl = (publicUrl: string, slug: string): string => `${publicUrl}/b/${slug}`;

const oldestFirst = (a: Rep, b: Rep) => a.pairedAt.localeCompare(b.pairedAt);

/** The token hash and the rep's email stay on the server. */
function tablet({ id, name, title, pairedAt, revokedAt }: Rep): PairedTablet {
  return revokedAt ? { id, name, title, pairedAt, revokedAt } : { id, name, title, pairedAt };
}

/** Per booth, its tablets oldest first, in one pass over every rep. */
function tabletsByBooth(state: FairState): Map<string, PairedTablet[]> {
  const tablets = new Map<string, PairedTablet[]>();
  for (const rep of [...state.reps.values()].sort(oldestFirst)) {
    const list = tablets.get(rep.boothId);
    if (list) list.push(tablet(rep));
    else tablets.set(rep.boothId, [tablet(rep)]);
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

/** One booth's organiser view, after a command changed it: its own tablets only, by the index (an import asks for 10,000). */
export function boothAdminById(state: FairState, boothId: string, publicUrl: string): BoothAdmin {
  const booth = state.booths.get(boothId);
  if (!booth) throw new Error('The booth is missing right after it was saved.');
  return boothAdmin(state, booth, publicUrl, introductionsOfTheDay(state, boothId), repsOfBooth(state, boothId).sort(oldestFirst).map(tablet));
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
