// The exports' local times: an instant as the fair's wall clock ("2026-05-14 13:20:00"), which a
// spreadsheet reads as a date and a person reads without converting from UTC.

const MINUTE_MS = 60_000;
/** Minutes remembered per export: a fair's day has fewer than 1,500. */
const MAX_MINUTES = 100_000;
/** Zones remembered: a fair has one, and its organiser may change it a few times. */
const MAX_ZONES = 10;

/** The end of an instant as toISOString writes it: seconds, milliseconds, Z. */
const SECONDS_AND_Z = /:[0-5]\d\.\d{3}Z$/;

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
  const clock = (iso: string): string => {
    const ms = iso === '' ? NaN : Date.parse(iso);
    if (Number.isNaN(ms)) return '';
    return new Date(ms + offsetAt(Math.floor(ms / MINUTE_MS))).toISOString().slice(0, 19).replace('T', ' ');
  };
  // An instant as the server writes it (toISOString: "2026-05-14T11:20:07.123Z"): its minute's wall
  // clock, kept, and its own seconds, which an offset of whole minutes leaves as they are. At 300,000
  // rows the parse and format of every cell took ~0.6 s of the CSV's 3.2 s.
  const minutes = new Map<string, string>();
  return (iso) => {
    if (iso.length !== 24 || iso.charCodeAt(10) !== 0x54 /* T */ || !SECONDS_AND_Z.test(iso)) return clock(iso);
    const minute = iso.slice(0, 16);
    let wall = minutes.get(minute);
    if (wall === undefined) {
      wall = clock(`${minute}:00.000Z`);
      if (wall === '') return clock(iso);
      if (minutes.size >= MAX_MINUTES) minutes.clear();
      minutes.set(minute, (wall = wall.slice(0, 16)));
    }
    return `${wall}${iso.slice(16, 19)}`;
  };
}
