// First / previous / next / last through the booth table's pages. A button that the move disables
// (Last, on reaching the last page) would drop the keyboard focus to the page's top, so the focus
// goes to the table instead, where a screen reader starts reading the new rows.
import type { Page } from './boothSearch.ts';

export function BoothPager(props: { page: Page<unknown>; go: (page: number) => void; table: () => HTMLElement | undefined }) {
  const move = (e: MouseEvent, page: number) => {
    props.go(page);
    if ((e.currentTarget as HTMLButtonElement).disabled) props.table()?.focus();
  };
  const at = () => props.page.page;
  return (
    <nav class="pager" aria-label="Pages of the booth table">
      <button type="button" class="button button--small" disabled={at() <= 1} onClick={(e) => move(e, 1)}>
        First
      </button>
      <button type="button" class="button button--small" disabled={at() <= 1} onClick={(e) => move(e, at() - 1)}>
        Previous
      </button>
      <span class="pager__where">
        Page {at()} of {props.page.pages}
      </span>
      <button type="button" class="button button--small" disabled={at() >= props.page.pages} onClick={(e) => move(e, at() + 1)}>
        Next
      </button>
      <button type="button" class="button button--small" disabled={at() >= props.page.pages} onClick={(e) => move(e, props.page.pages)}>
        Last
      </button>
    </nav>
  );
}
