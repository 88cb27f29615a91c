// A booth's status in words, as the booth page shows it: the app's badge and the facts the server
// puts in the page before the app has loaded (server/http/routes/boothPage.ts).
import type { BoothPublic } from './protocol.ts';
import type { BoothStatus } from './schema.ts';
import { clock } from './time.ts';

export const STATUS_LABELS: Record<BoothStatus, string> = { open: 'Open', break: 'On a break', full: 'Full' };

/** How long the wait is likely to be: "3 waiting · Next free slot 14:20", in the fair's time zone. */
export const queueText = (booth: Pick<BoothPublic, 'waiting' | 'nextSlot' | 'timeZone'>): string =>
  `${booth.waiting} waiting · ${booth.nextSlot ? `Next free slot ${clock(booth.nextSlot, booth.timeZone)}` : 'No free slots left today'}`;
