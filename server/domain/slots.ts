// Slot maths for the fair's interview windows. Pure: the date, zone and `now` come in.
import type { Slot } from '../../shared/protocol.ts';
import type { FairSettings } from '../../shared/schema.ts';

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

/** Every slot of the fair's interview windows, in time order. */
export function allSlots(fair: FairSettings): Slot[] {
  const slots: Slot[] = [];
  const lengthMs = fair.slotMinutes * MINUTE_MS;
  for (const window of [...fair.windows].sort((a, b) => a.start.localeCompare(b.start))) {
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

export function overlaps(a: Slot, b: Slot): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "14:20" in the fair's time zone. */
export function clockLabel(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}
