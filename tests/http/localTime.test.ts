// The exports' local times, checked against Intl directly, across a daylight-saving change and in
// zones whose offset is not whole hours.
import { describe, expect, it } from 'vitest';
import { localClock } from '../../server/http/formats/localTime.ts';

describe('localClock', () => {
  it('gives the wall clock on both sides of a daylight-saving change', () => {
    const berlin = localClock('Europe/Berlin');
    // Summer time starts at 01:00 UTC on 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(berlin('2026-03-29T00:59:59.000Z')).toBe('2026-03-29 01:59:59');
    expect(berlin('2026-03-29T01:00:00.000Z')).toBe('2026-03-29 03:00:00');
    expect(berlin('2026-10-25T00:30:00.000Z')).toBe('2026-10-25 02:30:00');
    expect(berlin('2026-10-25T01:30:00.000Z')).toBe('2026-10-25 02:30:00'); // the hour that comes twice
  });

  it('handles offsets of quarter hours, UTC, and the empty cell', () => {
    expect(localClock('Asia/Kathmandu')('2026-05-14T08:00:00.000Z')).toBe('2026-05-14 13:45:00');
    expect(localClock('America/St_Johns')('2026-01-01T12:00:00.000Z')).toBe('2026-01-01 08:30:00');
    expect(localClock('UTC')('2026-01-01T12:34:56.789Z')).toBe('2026-01-01 12:34:56');
    expect(localClock('UTC')('')).toBe('');
  });

  it('reads an instant written otherwise, or not at all, as Date.parse does', () => {
    const utc = localClock('UTC');
    expect(utc('2026-01-01T12:34:56Z')).toBe('2026-01-01 12:34:56');
    expect(utc('2026-01-01T12:34:56.789+01:00')).toBe('2026-01-01 11:34:56');
    expect(utc('2026-01-01T12:34:99.789Z')).toBe('');
    expect(utc('2026-13-01T12:34:56.789Z')).toBe('');
    expect(utc('not a time at all, 24 c')).toBe('');
  });

  it('agrees with Intl at every minute of a day', () => {
    const zone = 'America/New_York';
    const clock = localClock(zone);
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    const start = Date.UTC(2026, 2, 8, 0, 0, 17); // the day New York springs forward
    for (let minute = 0; minute < 24 * 60; minute++) {
      const at = new Date(start + minute * 60_000);
      expect(clock(at.toISOString())).toBe(intl.format(at));
    }
  });
});
