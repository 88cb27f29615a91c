// Slot maths for the fair's interview windows. Pure: the date, zone and `now` come in.
import type { Slot } from '../../shared/protocol.ts';
import type { FairSettings } from '../../shared/schema.ts';
import { compareInstants } from '../../shared/time.ts';

const MINUTE_MS = 60_000;

/** The UTC instant of a wall-clock time on a date in an IANA time zone. */
export function zonedTime(date: string, clock: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = clock.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset, also next to a daylight-saving change.
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant);
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}

/**
 * The slots of each fair's settings, made once: every booth page and every phone's view asks for a
 * booth's next free slot, and each zoned time builds an Intl formatter (tens of µs). A change of the
 * settings puts a new object in the state (state.ts), which gets its own entry.
 */
const slotsOfFair = new WeakMap<FairSettings, readonly Slot[]>();

/** Every slot of the fair's interview windows, in time order. */
export function allSlots(fair: FairSettings): readonly Slot[] {
  let slots = slotsOfFair.get(fair);
  if (!slots) slotsOfFair.set(fair, (slots = Object.freeze(makeSlots(fair).map((s) => Object.freeze(s)))));
  return slots;
}

function makeSlots(fair: FairSettings): Slot[] {
  const slots: Slot[] = [];
  const lengthMs = fair.slotMinutes * MINUTE_MS;
  for (const window of [...fair.windows].sort((a, b) => compareInstants(a.start, b.start))) {
    const end = zonedTime(fair.date, window.end, fair.timeZone).getTime();
    for (let t = zonedTime(fair.date, window.start, fair.timeZone).getTime(); t + lengthMs <= end; t += lengthMs) {
      slots.push({ start: new Date(t).toISOString(), end: new Date(t + lengthMs).toISOString() });
    }
  }
  return slots;
}

/** When the fair's last interview window ends: requests still waiting then have expired. */
export function windowsEnd(fair: FairSettings): Date {
  const ends = fair.windows.map((w) => zonedTime(fair.date, w.end, fair.timeZone).getTime());
  return new Date(Math.max(...ends));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dayBounds = new Map<string, { start: string; end: string }>();
/** The day last found in each time zone, with its bounds in ms: nearly every call falls on it. */
const lastDays = new Map<string, { day: { start: string; end: string }; from: number; to: number }>();

/**
 * The day `instant` falls on in the time zone, midnight to midnight, as ISO instants (the end
 * excluded). Formatters and days are kept: a phone's view asks this for every booth it visited,
 * and formatting the date took ~25 µs of a share's work on the server.
 */
export function dayAround(instant: Date, timeZone: string): { start: string; end: string } {
  const at = instant.getTime();
  const last = lastDays.get(timeZone);
  if (last !== undefined && at >= last.from && at < last.to) return last.day;
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const date = format.format(instant); // YYYY-MM-DD
  const key = `${timeZone} ${date}`;
  let day = dayBounds.get(key);
  if (!day) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    day = { start: zonedTime(date, '00:00', timeZone).toISOString(), end: zonedTime(next, '00:00', timeZone).toISOString() };
    if (dayBounds.size > 1000) dayBounds.clear(); // a long-running server: a few days a fair, never many
    dayBounds.set(key, day);
  }
  lastDays.set(timeZone, { day, from: Date.parse(day.start), to: Date.parse(day.end) });
  return day;
}

export function overlaps(a: Slot, b: Slot): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "14:20" in the fair's time zone. */
export function clockLabel(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
