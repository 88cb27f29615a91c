// The dashboard's booth order and the chart's words, as the organiser reads them.
import { describe, expect, it } from 'vitest';
import { daySummary } from '../../client/pages/admin/daySummary.ts';
import { sortBooths, type BoothRow } from '../../client/pages/admin/sortBooths.ts';

const row = (employer: string, booth: string, introductions: number, status: BoothRow['status'] = 'open'): BoothRow =>
  ({ id: employer, employer, booth, introductions, pending: 0, accepted: 0, status, tabletsOnline: 0 });
const BOOTHS = [row('Initech', 'B10', 4, 'full'), row('acme', 'B2', 4), row('Globex', 'A7', 9, 'break')];
const employers = (rows: BoothRow[]) => rows.map((r) => r.employer);

describe("the dashboard's booth table order", () => {
  it('sorts text without case and booth numbers as numbers read, either way', () => {
    expect(employers(sortBooths(BOOTHS, 'employer', 'ascending'))).toEqual(['acme', 'Globex', 'Initech']);
    expect(employers(sortBooths(BOOTHS, 'booth', 'ascending'))).toEqual(['Globex', 'acme', 'Initech']); // A7, B2, B10
    expect(employers(sortBooths(BOOTHS, 'booth', 'descending'))).toEqual(['Initech', 'acme', 'Globex']);
  });

  it('sorts counts, ties in the employer\'s order, and status open, break, full', () => {
    expect(employers(sortBooths(BOOTHS, 'introductions', 'descending'))).toEqual(['Globex', 'acme', 'Initech']);
    expect(employers(sortBooths(BOOTHS, 'introductions', 'ascending'))).toEqual(['acme', 'Initech', 'Globex']);
    expect(employers(sortBooths(BOOTHS, 'status', 'ascending'))).toEqual(['acme', 'Globex', 'Initech']);
    expect(employers(BOOTHS)).toEqual(['Initech', 'acme', 'Globex']); // a new array: the pushed one is left as it came
  });
});

describe("the day's chart in words", () => {
  const q = (start: string, introductions: number, requests: number) => ({ start: `2026-03-12T${start}:00.000Z`, introductions, requests });

  it('says the totals, the span in the fair\'s time zone and the busiest quarter', () => {
    const quarters = [q('12:00', 1, 0), q('12:15', 3, 1), q('12:30', 0, 0)];
    expect(daySummary(quarters, 'Europe/Berlin')).toBe('4 introductions and 1 request, 13:00 to 13:45. Busiest quarter: 13:15, 3 introductions.');
  });

  it('says when nothing has happened yet, and when there is no day to show', () => {
    expect(daySummary([q('12:00', 0, 0), q('12:15', 0, 0)], 'UTC')).toBe('Nothing yet, 12:00 to 12:30.');
    expect(daySummary([], 'UTC')).toBe("No figures for the fair's day.");
  });
});
