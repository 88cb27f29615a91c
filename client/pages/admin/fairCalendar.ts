// The organiser's view of the fair's calendar: dates in words, the countdown to the automatic
// purge, an address phones can never reach, and the settings a saved fair holds.
import { createSignal } from 'solid-js';
import type { FairInfo, FairSettings } from '../../../shared/protocol.ts';

/** "Saturday 6 December 2026" for a YYYY-MM-DD date (a calendar day: no time zone moves it). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Put together from parts: browsers' en-GB differ on a comma after the weekday.
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(y, m - 1, d)));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

const MINUTE_MS = 60_000;

/** "in 29 days and 4 hours", "in 3 hours and 12 minutes", "in 1 minute"; undefined once the moment has come. */
export function countdown(untilMs: number): string | undefined {
  if (untilMs <= 0) return undefined;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const and = (n: number, unit: string) => (n ? ` and ${plural(n, unit)}` : '');
  const totalMinutes = Math.ceil(untilMs / MINUTE_MS);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return `in ${plural(days, 'day')}${and(hours, 'hour')}`;
  if (hours > 0) return `in ${plural(hours, 'hour')}${and(minutes, 'minute')}`;
  return `in ${plural(minutes, 'minute')}`;
}

/** 127.x.x.x, ::1 and localhost: the laptop itself, which no phone on the Wi-Fi can reach. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]' || host === '::1';
}

/** The settings a PUT takes back, from what GET answered (without the calendar and the public URL). */
export function settingsOf(fair: FairInfo): FairSettings {
  const { name, date, timeZone, windows, slotMinutes, wifi, retentionDays } = fair;
  return { name, date, timeZone, windows, slotMinutes, retentionDays, ...(wifi && { wifi }) };
}

/** The fair as last saved on this page, so the purge section's countdown follows a new date at once. */
export const [savedFair, setSavedFair] = createSignal<FairInfo>();
