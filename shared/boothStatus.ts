// A booth's status in words, as the booth page shows it: the app's badge and the facts the server
// puts in the page before the app has loaded (server/http/routes/boothPage.ts).
import type { BoothStatus } from './schema.ts';

export const STATUS_LABELS: Record<BoothStatus, string> = { open: 'Open', break: 'On a break', full: 'Full' };
