import { afterEach, describe, expect, it } from 'vitest';
import { clock, slotRange, slotWithDay } from '../../shared/time.ts';

const SLOT = { start: '2026-03-12T12:00:00Z', end: '2026-03-12T12:20:00Z' };
const machineZone = process.env.TZ;

// What the phone would show if the code used its own zone.
const deviceClock = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('times in the fair’s zone', () => {
  it.each(['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'])('are the same on a phone set to %s', (phoneZone) => {
    process.env.TZ = phoneZone;
    expect(deviceClock(SLOT.start)).toBe({ UTC: '12:00', 'Pacific/Kiritimati': '02:00', 'America/Los_Angeles': '05:00' }[phoneZone]);

    expect(clock(SLOT.start, 'Europe/Berlin')).toBe('13:00');
    expect(clock(SLOT.start, 'America/New_York')).toBe('08:00');
    expect(slotRange(SLOT, 'Europe/Berlin')).toBe('13:00–13:20');
    expect(slotWithDay(SLOT, 'Asia/Tokyo')).toBe('Thu 12 Mar, 21:00–21:20');
  });

  it('writes midnight as 00:00 and follows daylight saving time', () => {
    expect(clock('2026-03-12T23:00:00Z', 'Europe/Berlin')).toBe('00:00');
    expect(clock('2026-03-30T12:00:00Z', 'Europe/Berlin')).toBe('14:00');
  });
});
