// Times are shown in the fair's time zone, 24-hour, whatever the phone's own zone is: by the app, and by
// the server in the booth page's HTML (server/http/routes/boothPage.ts).
import type { Slot } from './protocol.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDay}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    if (withDay) Object.assign(options, { weekday: 'short', day: 'numeric', month: 'short' });
    try {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', options); // an unknown zone: the device's own
    }
    formats.set(key, f);
  }
  return f;
}

/** "14:05" */
export const clock = (iso: string, timeZone: string): string => format(timeZone, false).format(new Date(iso));

/** "14:20–14:40" */
export const slotRange = (slot: Slot, timeZone: string): string =>
  `${clock(slot.start, timeZone)}–${clock(slot.end, timeZone)}`;

/** "Tue 14 Jan, 14:20–14:40" */
export const slotWithDay = (slot: Slot, timeZone: string): string =>
  `${format(timeZone, true).format(new Date(slot.start))}–${clock(slot.end, timeZone)}`;

/**
 * Orders two instants as toISOString writes them (or two "HH:MM" times): as text, which is their
 * order in time. localeCompare asks ICU's collation for each pair: sorting a booth's 1,000 visitors
 * with it took ~8 ms, a tablet's first view after a start held the server's loop that much longer.
 */
export const compareInstants = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
