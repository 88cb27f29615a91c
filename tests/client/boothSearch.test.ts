// Finding a booth among hundreds: what the organiser types, what the table then shows.
import { describe, expect, it } from 'vitest';
import { findBooths, pageOf } from '../../client/pages/admin/boothSearch.ts';

const booths = [
  { employer: 'Employer 120', booth: '120' },
  { employer: 'Société Générale', booth: 'A12' },
  { employer: 'ACME Rockets', booth: '12' },
  { employer: 'Initech', booth: '' },
];
const names = (list: readonly { employer: string }[]) => list.map((b) => b.employer);

describe('findBooths', () => {
  it('finds by part of the employer, ignoring case and accents', () => {
    expect(names(findBooths(booths, 'societe'))).toEqual(['Société Générale']);
    expect(names(findBooths(booths, '  acme ROCK '))).toEqual(['ACME Rockets']);
  });

  it('puts the booth whose number is exactly the query first, then the rest in the list order', () => {
    expect(names(findBooths(booths, '12'))).toEqual(['ACME Rockets', 'Employer 120', 'Société Générale']);
  });

  it('gives the whole list for an empty query and nothing when nothing matches', () => {
    expect(findBooths(booths, ' ')).toBe(booths);
    expect(findBooths(booths, 'globex')).toEqual([]);
  });
});

describe('pageOf', () => {
  const list = Array.from({ length: 60 }, (_, i) => i + 1);

  it('cuts the list into pages and says which rows are shown', () => {
    expect(pageOf(list, 1, 25)).toMatchObject({ page: 1, pages: 3, first: 1, last: 25 });
    const last = pageOf(list, 3, 25);
    expect(last).toMatchObject({ page: 3, pages: 3, first: 51, last: 60 });
    expect(last.rows).toEqual(list.slice(50));
  });

  it('keeps the page inside the pages there are, when the list shrinks under it', () => {
    expect(pageOf(list, 9, 25)).toMatchObject({ page: 3, first: 51 });
    expect(pageOf(list, 0, 25)).toMatchObject({ page: 1, first: 1 });
    expect(pageOf([], 4, 25)).toEqual({ rows: [], page: 1, pages: 1, first: 0, last: 0 });
  });
});
