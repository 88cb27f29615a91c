import { describe, expect, it } from 'vitest';
import { allSlots, clockLabel, dayAround, zonedTime } from '../../server/domain/slots.ts';

describe('interview slots in the fair\'s time zone', () => {
  it('turns wall-clock times into instants, also across daylight saving', () => {
    expect(zonedTime('2026-03-12', '13:00', 'Europe/Berlin').toISOString()).toBe('2026-03-12T12:00:00.000Z');
    expect(zonedTime('2026-07-01', '13:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(zonedTime('2026-11-05', '09:30', 'America/New_York').toISOString()).toBe('2026-11-05T14:30:00.000Z');
    expect(zonedTime('2026-11-05', '09:30', 'Asia/Kolkata').toISOString()).toBe('2026-11-05T04:00:00.000Z');
  });

  it('cuts each window into whole slots and drops a short remainder', () => {
    const slots = allSlots({ name: 'F', date: '2026-11-05', timeZone: 'America/New_York', windows: [{ start: '15:00', end: '16:10' }, { start: '10:00', end: '10:40' }], slotMinutes: 20 });
    expect(slots.map((s) => clockLabel(s.start, 'America/New_York'))).toEqual(['10:00', '10:20', '15:00', '15:20', '15:40']);
    expect(slots[0]).toEqual({ start: '2026-11-05T15:00:00.000Z', end: '2026-11-05T15:20:00.000Z' });
  });

  it('finds the day an instant falls on, midnight to midnight, back and forth across midnight and in several zones', () => {
    const day = (iso: string, zone: string) => dayAround(new Date(iso), zone);
    const berlin12 = { start: '2026-03-11T23:00:00.000Z', end: '2026-03-12T23:00:00.000Z' };
    const berlin13 = { start: '2026-03-12T23:00:00.000Z', end: '2026-03-13T23:00:00.000Z' };
    expect(day('2026-03-12T12:00:00Z', 'Europe/Berlin')).toEqual(berlin12);
    expect(day('2026-03-12T22:59:59.999Z', 'Europe/Berlin')).toEqual(berlin12);
    expect(day('2026-03-12T23:00:00Z', 'Europe/Berlin')).toEqual(berlin13);
    expect(day('2026-03-11T23:00:00Z', 'Europe/Berlin')).toEqual(berlin12);
    expect(day('2026-03-11T22:59:59.999Z', 'Europe/Berlin')).toEqual({ start: '2026-03-10T23:00:00.000Z', end: '2026-03-11T23:00:00.000Z' });
    // The same instant in another zone is on another day there; Berlin's day is still its own after.
    expect(day('2026-03-12T23:30:00Z', 'America/New_York')).toEqual({ start: '2026-03-12T04:00:00.000Z', end: '2026-03-13T04:00:00.000Z' });
    expect(day('2026-03-12T12:00:00Z', 'Europe/Berlin')).toEqual(berlin12);
    // The night the clocks go forward in Berlin has 23 hours.
    expect(day('2026-03-29T12:00:00Z', 'Europe/Berlin')).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
  });
});
