// After the fair: the retention date, the purge it brings, and the fair's calendar as the organiser sees it.
import { describe, expect, it } from 'vitest';
import { configureFair } from '../../server/domain/booths.ts';
import { addDays, configureFairAt, fairCalendar, purgeIfDue, purgeMoment, retentionDate } from '../../server/domain/retention.ts';
import { applyAll, initialState } from '../../server/domain/state.ts';
import { commit, expectRefused, makeFair, samAskedBothBooths } from './fixtures.ts';

// The fixtures' fair: 2026-03-12 in Berlin, 13:00–14:00; kept 30 days by default.
describe('retention date', () => {
  it('is the fair date plus the days kept, 30 by default, across months and years', () => {
    const { state } = makeFair();
    expect(retentionDate(state.fair)).toBe('2026-04-11');
    expect(retentionDate({ ...state.fair, retentionDays: 1 })).toBe('2026-03-13');
    expect(retentionDate({ ...state.fair, date: '2026-12-20', retentionDays: 30 })).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('begins at midnight in the fair\'s time zone, daylight saving included', () => {
    const { state } = makeFair();
    expect(purgeMoment(state.fair).toISOString()).toBe('2026-04-10T22:00:00.000Z'); // Berlin is on summer time by 11 April
    expect(purgeMoment({ ...state.fair, timeZone: 'America/New_York' }).toISOString()).toBe('2026-04-11T04:00:00.000Z');
  });
});

describe('purgeIfDue', () => {
  it('purges nothing before the retention date, everything personal from its first minute', () => {
    const { state } = samAskedBothBooths();
    expect(purgeIfDue(state, new Date('2026-04-10T21:59:59Z'))).toEqual({ events: [] });
    const events = commit(state, purgeIfDue(state, new Date('2026-04-10T22:00:00Z')));
    expect(events).toEqual([{ type: 'fair.purged', at: '2026-04-10T22:00:00.000Z' }]);
    expect([state.students.size, state.introductions.size, state.requests.size, state.reps.size]).toEqual([0, 0, 0, 0]);
    expect(state.booths.size).toBe(2);
  });

  it('records nothing when no personal data is held (a second check, a fair with booths only)', () => {
    const { state } = samAskedBothBooths();
    commit(state, purgeIfDue(state, new Date('2026-05-01T00:00:00Z')));
    expect(purgeIfDue(state, new Date('2026-05-02T00:00:00Z'))).toEqual({ events: [] });
    expect(purgeIfDue(makeFair().state, new Date('2027-01-01T00:00:00Z'))).toEqual({ events: [] });
  });

  it('follows the organiser\'s retention: kept longer, purged later', () => {
    const { state } = samAskedBothBooths();
    commit(state, configureFair(state, { ...state.fair, retentionDays: 60 }));
    expect(purgeIfDue(state, new Date('2026-04-20T00:00:00Z'))).toEqual({ events: [] });
    expect(purgeIfDue(state, new Date('2026-05-11T00:00:00Z')).events).toHaveLength(1);
  });
});

describe('configureFairAt', () => {
  it('refuses settings that would purge the personal data held at once, and changes nothing', () => {
    const { state } = samAskedBothBooths();
    const before = state.fair;
    expectRefused(configureFairAt(state, { ...state.fair, date: '2025-03-12' }, new Date('2026-03-12T08:00:00Z')), 'INVALID', /retention date 2025-04-11 has passed/);
    expectRefused(configureFairAt(state, { ...state.fair, retentionDays: 1 }, new Date('2026-03-20T08:00:00Z')), 'INVALID', /kept 1 day, its retention date 2026-03-13 has passed/);
    expect(state.fair).toBe(before);
  });

  it('takes them when no personal data is held, or the retention date is still ahead', () => {
    const empty = makeFair().state;
    expect(configureFairAt(empty, { ...empty.fair, date: '2025-03-12' }, new Date('2026-03-12T08:00:00Z')).events).toHaveLength(1);
    const { state } = samAskedBothBooths();
    expect(configureFairAt(state, { ...state.fair, date: '2026-03-13' }, new Date('2026-03-12T20:00:00Z')).events).toHaveLength(1);
  });
});

describe('fairCalendar', () => {
  it('says when the windows of the fair\'s date are over, and offers the day after today in the fair\'s zone', () => {
    const { state } = makeFair(); // windows end 14:00 Berlin = 13:00 UTC
    expect(fairCalendar(state.fair, new Date('2026-03-12T12:59:00Z'))).toMatchObject({ windowsOver: false, nextDate: '2026-03-13' });
    expect(fairCalendar(state.fair, new Date('2026-03-12T13:00:00Z'))).toMatchObject({ windowsOver: true, nextDate: '2026-03-13' });
    // 23:30 UTC on the 12th is already the 13th in Berlin: the next day is the 14th.
    expect(fairCalendar(state.fair, new Date('2026-03-12T23:30:00Z'))).toMatchObject({ windowsOver: true, nextDate: '2026-03-14' });
    expect(fairCalendar(state.fair, new Date('2026-03-11T20:00:00Z'))).toEqual({
      retentionDays: 30, retentionDate: '2026-04-11', purgeAt: '2026-04-10T22:00:00.000Z', windowsOver: false, nextDate: '2026-03-12',
    });
  });

  it('reads settings saved before retention and Wi-Fi existed as kept 30 days', () => {
    const state = initialState();
    // A journal line written by an older server: no retentionDays, no wifi.
    applyAll(state, [{ type: 'fair.configured', fair: { name: 'Old Fair', date: '2026-03-12', timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20 } }]);
    expect(fairCalendar(state.fair, new Date('2026-03-12T08:00:00Z'))).toMatchObject({ retentionDays: 30, retentionDate: '2026-04-11' });
  });
});
