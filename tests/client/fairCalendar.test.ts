// The organiser's calendar in words: dates, the countdown to the automatic purge, and addresses
// that only the laptop itself can reach.
import { describe, expect, it } from 'vitest';
import { countdown, isLoopbackUrl, longDate, settingsOf } from '../../client/pages/admin/fairCalendar.ts';
import type { FairInfo } from '../../shared/protocol.ts';

describe('longDate', () => {
  it('writes a calendar day in words, whatever the device\'s time zone', () => {
    expect(longDate('2026-12-06')).toBe('Sunday 6 December 2026');
    expect(longDate('2028-02-29')).toBe('Tuesday 29 February 2028');
  });
});

describe('countdown', () => {
  const MIN = 60_000;
  it('gives days and hours, then hours and minutes, then minutes, rounding up', () => {
    expect(countdown((29 * 24 + 2) * 60 * MIN + 30 * MIN)).toBe('in 29 days and 2 hours');
    expect(countdown(24 * 60 * MIN)).toBe('in 1 day');
    expect(countdown(3 * 60 * MIN + 12 * MIN)).toBe('in 3 hours and 12 minutes');
    expect(countdown(59 * MIN + 30_000)).toBe('in 1 hour');
    expect(countdown(1)).toBe('in 1 minute');
  });
  it('is undefined once the moment has come', () => {
    expect(countdown(0)).toBeUndefined();
    expect(countdown(-5 * MIN)).toBeUndefined();
  });
});

describe('isLoopbackUrl', () => {
  it.each(['http://127.0.0.1:8080', 'http://127.1.2.3', 'http://localhost:8080', 'https://LOCALHOST', 'http://app.localhost:8080', 'http://[::1]:8080'])('%s is the laptop itself', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });
  it.each(['http://192.168.1.20:8080', 'http://10.0.0.5', 'https://fair.example', 'http://128.0.0.1', 'http://localhost.example.com', 'not a url'])('%s is not', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('settingsOf', () => {
  it('takes back the settings a PUT accepts, without the calendar and the address', () => {
    const info: FairInfo = {
      name: 'F', date: '2026-03-12', timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20,
      wifi: { ssid: 'Net', security: 'nopass' }, retentionDays: 30, retentionDate: '2026-04-11', purgeAt: '2026-04-11T00:00:00.000Z',
      windowsOver: false, nextDate: '2026-03-13', publicUrl: 'http://x', now: '2026-03-12T08:00:00.000Z',
    };
    expect(settingsOf(info)).toEqual({ name: 'F', date: '2026-03-12', timeZone: 'UTC', windows: [{ start: '13:00', end: '17:00' }], slotMinutes: 20, wifi: { ssid: 'Net', security: 'nopass' }, retentionDays: 30 });
  });
});
