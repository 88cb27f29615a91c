// What the organiser sees of a booth: the public view plus its pairing code, URL and counts.
import type { BoothAdmin } from '../../shared/protocol.ts';
import type { Booth, FairState } from '../domain/state.ts';
import { boothPublic } from '../domain/views.ts';

export const boothUrl = (publicUrl: string, slug: string): string => `${publicUrl}/b/${slug}`;

export function introductionCounts(state: FairState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const intro of Object.values(state.introductions)) counts.set(intro.boothId, (counts.get(intro.boothId) ?? 0) + 1);
  return counts;
}

export function boothAdmin(state: FairState, booth: Booth, publicUrl: string, introductions: number): BoothAdmin {
  return {
    ...boothPublic(state, booth),
    pairingCode: booth.pairingCode,
    createdAt: booth.createdAt,
    url: boothUrl(publicUrl, booth.slug),
    introductions,
  };
}

/** "2" before "10" (natural order); booths without a number go last; then by employer. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export function byBoothNumber(a: Booth, b: Booth): number {
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
  const introductions = Object.values(state.introductions).filter((i) => i.boothId === boothId).length;
  return boothAdmin(state, booth, publicUrl, introductions);
}
