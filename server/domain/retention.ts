// After the fair: personal data is kept `retentionDays` days past the fair's date, then purged by
// itself (the organiser's purge, decided here, run by realtime/retention.ts on the server's clock).
// And the organiser's calendar: whether the fair's interview windows are already over.
import type { FairCalendar } from '../../shared/protocol.ts';
import { DEFAULT_RETENTION_DAYS, type FairSettings } from '../../shared/schema.ts';
import { record, refuse, type Decision } from './decision.ts';
import { purgeFair } from './privacy.ts';
import { configureFair } from './booths.ts';
import { windowsEnd, zonedTime } from './slots.ts';
import type { FairState } from './types.ts';

/** The date `days` after a YYYY-MM-DD date, as YYYY-MM-DD (calendar days: no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const retentionDaysOf = (fair: FairSettings): number => fair.retentionDays ?? DEFAULT_RETENTION_DAYS;

/** The day personal data is purged: the fair's date plus the days it is kept. */
export const retentionDate = (fair: FairSettings): string => addDays(fair.date, retentionDaysOf(fair));

/** The moment of that purge: the retention date's first minute in the fair's time zone. */
export const purgeMoment = (fair: FairSettings): Date => zonedTime(retentionDate(fair), '00:00', fair.timeZone);

/** Whether anything a purge removes is still held: students, their introductions and requests, the reps. */
export const holdsPersonalData = (state: FairState): boolean =>
  state.students.size > 0 || state.introductions.size > 0 || state.requests.size > 0 || state.reps.size > 0;

/** On or after the retention date, with personal data still held: the purge. Otherwise nothing. */
export function purgeIfDue(state: FairState, now: Date): Decision {
  if (now < purgeMoment(state.fair) || !holdsPersonalData(state)) return record();
  return purgeFair(state, now);
}

/**
 * New settings that would put the retention date in the past while personal data is held would
 * purge it at once: a mistyped year must not erase the day. Refused with what to do instead.
 */
export function retentionRefusal(state: FairState, fair: FairSettings, now: Date): Decision | undefined {
  if (now < purgeMoment(fair) || !holdsPersonalData(state)) return undefined;
  const days = retentionDaysOf(fair);
  return refuse(
    'INVALID',
    `With the fair on ${fair.date} and personal data kept ${days} day${days === 1 ? '' : 's'}, its retention date ${retentionDate(fair)} has passed, so every student's data would be purged now. Check the date, keep the data longer, or export and then purge by hand.`,
  );
}

/** The organiser's new settings, unless they would purge the day's personal data at once. */
export function configureFairAt(state: FairState, fair: FairSettings, now: Date): Decision {
  return retentionRefusal(state, fair, now) ?? configureFair(state, fair);
}

/** What the organiser's page shows of the fair's calendar, as of `now`. */
export function fairCalendar(fair: FairSettings, now: Date): FairCalendar {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: fair.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return {
    retentionDays: retentionDaysOf(fair),
    retentionDate: retentionDate(fair),
    purgeAt: purgeMoment(fair).toISOString(),
    windowsOver: now >= windowsEnd(fair),
    nextDate: addDays(today, 1),
  };
}
