// Finding a booth among hundreds: by employer or booth number, a page of rows at a time.
// A page, not the whole list: 3,000 rows took seconds to paint and 45,000 elements (bench/boothTable.ts).

export const BOOTHS_PER_PAGE = 25;

interface Findable {
  employer: string;
  booth: string;
}

/** Lower case without accents, so "societe" finds "Société". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * The booths whose employer or booth number contains the query, in the list's order, except that
 * a booth whose number is exactly the query comes first ("12" finds booth 12 before "Employer 120").
 */
export function findBooths<B extends Findable>(booths: readonly B[], query: string): readonly B[] {
  const wanted = fold(query);
  if (!wanted) return booths;
  const exact: B[] = [];
  const rest: B[] = [];
  for (const booth of booths) {
    const number = fold(booth.booth);
    if (number === wanted) exact.push(booth);
    else if (number.includes(wanted) || fold(booth.employer).includes(wanted)) rest.push(booth);
  }
  return [...exact, ...rest];
}

export interface Page<B> {
  rows: readonly B[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when nothing matches. */
  first: number;
  last: number;
}

export function pageOf<B>(list: readonly B[], page: number, size = BOOTHS_PER_PAGE): Page<B> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * size;
  const rows = list.slice(start, start + size);
  return { rows, page: current, pages, first: rows.length ? start + 1 : 0, last: start + rows.length };
}
