// A phone on a booth's page hears the booth's pushes (booth:changed). Past one machine two
// processes' pushes can cross on the way; each carries the number the change got in the booth's
// feed, so one older than what the page shows is dropped. No DOM here: the Node tests drive it.
import type { BoothPublic } from '../../../shared/protocol.ts';

/** Wraps `on` so that it gets each booth's pushes newest last, never an older one after a newer. */
export function newestBooths(on: (booth: BoothPublic) => void): (booth: BoothPublic, seq: number, epoch: string) => void {
  const seen = new Map<string, { seq: number; epoch: string }>();
  return (booth, seq, epoch) => {
    const last = seen.get(booth.id);
    // The same number again is the same change with new queue figures (how many wait, the next slot);
    // another epoch means the numbers started over (realtime/epoch.ts).
    if (last && last.epoch === epoch && seq < last.seq) return;
    seen.set(booth.id, { seq, epoch });
    on(booth);
  };
}
