// The exports' local times: an instant as the fair's wall clock ("2026-05-14 13:20:00"), which a
// spreadsheet reads as a date and a person reads without converting from UTC.

const MINUTE_MS = 60_000;
/** Minutes remembered per export: a fair's day has fewer than 1,500. */
const MAX_MINUTES = 100_000;
/** Zones remembered: a fair has one, and its organiser may change it a few times. */
const MAX_ZONES = 10;

/** One clock per zone, kept: a package of every booth asks for one per file, hundreds of times. */
const clocks = new Map<string, (iso: string) => string>();

/**
 * A function from an ISO instant to the wall clock in `timeZone`, '' for ''. The zone's offset is
 * asked of Intl once a minute of the day (a few µs each), not once a cell: zones change offset on
 * whole minutes, and 100,000 rows of one day fall in a few hundred minutes.
 */
export function localClock(timeZone: string): (iso: string) => string {
  let clock = clocks.get(timeZone);
  if (!clock) {
    if (clocks.size >= MAX_ZONES) clocks.clear();
    clocks.set(timeZone, (clock = makeClock(timeZone)));
  }
  return clock;
}

function makeClock(timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (minute: number): number => {
    let offset = offsets.get(minute);
    if (offset === undefined) {
      const parts = format.formatToParts(new Date(minute * MINUTE_MS));
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - minute * MINUTE_MS;
      if (offsets.size >= MAX_MINUTES) offsets.clear();
      offsets.set(minute, offset);
    }
    return offset;
  };
  return (iso) => {
    const ms = iso === '' ? NaN : Date.parse(iso);
    if (Number.isNaN(ms)) return '';
    return new Date(ms + offsetAt(Math.floor(ms / MINUTE_MS))).toISOString().slice(0, 19).replace('T', ' ');
  };
}
