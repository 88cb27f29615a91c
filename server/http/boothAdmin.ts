// What the organiser sees of a booth: the public view plus its pairing code, URL, counts and tablets;
// and adding one, the same for a single booth and for each row of an import.
import type { BoothAdmin, PairedTablet, Reply } from '../../shared/protocol.ts';
import type { BoothFields } from '../../shared/schema.ts';
import type { Deps } from '../app.ts';
import { createBooth } from '../domain/booths.ts';
import type { Booth, FairState } from '../domain/state.ts';
import { boothPublic } from '../domain/views.ts';
import { newId, newPairingCode } from '../ids.ts';

export const boothUrl = (publicUrl: string, slug: string): string => `${publicUrl}/b/${slug}`;

/** Per booth, the day's introductions: those held now, and those a purge removed (privacyEvents.ts). */
function introductionCounts(state: FairState): Map<string, number> {
  const counts = new Map<string, number>(Object.entries(state.purged?.booths ?? {}).map(([id, purged]) => [id, purged.introductions]));
  for (const intro of Object.values(state.introductions)) counts.set(intro.boothId, (counts.get(intro.boothId) ?? 0) + 1);
  return counts;
}

/** Oldest first; the token hash and the rep's email stay on the server. */
function tablets(state: FairState, boothId: string): PairedTablet[] {
  return Object.values(state.reps)
    .filter((rep) => rep.boothId === boothId)
    .sort((a, b) => a.pairedAt.localeCompare(b.pairedAt))
    .map(({ id, name, title, pairedAt, revokedAt }) => (revokedAt ? { id, name, title, pairedAt, revokedAt } : { id, name, title, pairedAt }));
}

function boothAdmin(state: FairState, booth: Booth, publicUrl: string, introductions: number): BoothAdmin {
  return {
    ...boothPublic(state, booth),
    pairingCode: booth.pairingCode,
    createdAt: booth.createdAt,
    url: boothUrl(publicUrl, booth.slug),
    introductions,
    tablets: tablets(state, booth.id),
  };
}

/** "2" before "10" (natural order); booths without a number go last; then by employer. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function byBoothNumber(a: Booth, b: Booth): number {
  if (!a.booth !== !b.booth) return a.booth ? -1 : 1;
  return collator.compare(a.booth, b.booth) || collator.compare(a.employer, b.employer);
}

export function boothList(state: FairState, publicUrl: string): BoothAdmin[] {
  const counts = introductionCounts(state);
  return Object.values(state.booths)
    .sort(byBoothNumber)
    .map((booth) => boothAdmin(state, booth, publicUrl, counts.get(booth.id) ?? 0));
}

/** One booth's organiser view, after a command changed it. */
export function boothAdminById(state: FairState, boothId: string, publicUrl: string): BoothAdmin {
  const booth = state.booths[boothId];
  if (!booth) throw new Error('The booth is missing right after it was saved.');
  return boothAdmin(state, booth, publicUrl, introductionCounts(state).get(boothId) ?? 0);
}

/** Creates a booth with a fresh id and pairing code; answers with its organiser view. */
export async function addBooth(deps: Deps, fields: BoothFields): Promise<Reply<BoothAdmin>> {
  const { store, now, config, publish, execute } = deps;
  const id = newId();
  const { reply, changes } = await execute(
    store,
    undefined,
    () => createBooth(store.state, { ...fields, id, pairingCode: newPairingCode() }, now()),
    () => boothAdminById(store.state, id, config.publicUrl),
  );
  publish(changes);
  return reply;
}
