// Every booth's live figures, sortable by any column: a button in each header, with aria-sort on
// the sorted one. The rows are kept by booth (a store reconciled by id), so a push every second
// changes the cells that changed and leaves the rest, and a focused button, alone.
import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { findBooths } from './boothSearch.ts';
import { firstOrder, sortBooths, type BoothRow, type SortKey, type SortOrder } from './sortBooths.ts';

const COLUMNS: { key: SortKey; label: string; numeric?: true }[] = [
  { key: 'employer', label: 'Employer' },
  { key: 'booth', label: 'Booth' },
  { key: 'introductions', label: 'Introductions', numeric: true },
  { key: 'pending', label: 'Waiting', numeric: true },
  { key: 'accepted', label: 'Booked', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'tabletsOnline', label: 'Tablets on line', numeric: true },
];

/** `limit`: the wall shows the first rows only, and says how many more there are. */
export function BoothFigures(props: { booths: BoothRow[]; wall: boolean; limit?: number }) {
  const [rows, setRows] = createStore<BoothRow[]>([]);
  createEffect(() => setRows(reconcile(props.booths, { key: 'id' })));
  const [sort, setSort] = createSignal<{ key: SortKey; order: SortOrder }>({ key: 'introductions', order: 'descending' });
  const [find, setFind] = createSignal('');
  const sorted = createMemo(() => {
    const shown = props.wall ? rows : findBooths(rows, find()); // the wall hides the search box, and its filter
    return sortBooths(shown, sort().key, sort().order);
  });
  const visible = () => (props.limit === undefined ? sorted() : sorted().slice(0, props.limit));
  const sortBy = (key: SortKey) =>
    setSort((now) => ({ key, order: now.key === key ? (now.order === 'ascending' ? 'descending' : 'ascending') : firstOrder(key) }));
  const label = (key: SortKey) => COLUMNS.find((c) => c.key === key)!.label.toLowerCase();

  return (
    <>
      <Show when={!props.wall}>
        <div class="dash-find field">
          <label for="dash-find">Find a booth</label>
          <input id="dash-find" type="search" value={find()} onInput={(e) => setFind(e.currentTarget.value)} placeholder="Employer or booth number" />
        </div>
        <p class="visually-hidden" role="status">
          Sorted by {label(sort().key)}, {sort().order}. {sorted().length} of {rows.length} booths shown.
        </p>
      </Show>
      <Show when={rows.length > 0} fallback={<p class="muted">No booths yet.</p>}>
        <div class="dash-table-wrap">
          <table class="dash-table dash-booths" data-testid="booth-figures">
            <caption class="visually-hidden">Booths, live</caption>
            <thead>
              <tr>
                <For each={COLUMNS}>
                  {(column) => (
                    <th scope="col" class={column.numeric ? 'num' : undefined} aria-sort={sort().key === column.key ? sort().order : undefined}>
                      <Show when={!props.wall} fallback={column.label}>
                        <button type="button" class="dash-sort" onClick={() => sortBy(column.key)}>
                          {column.label}
                          <span class="dash-sort__arrow" aria-hidden="true">
                            {sort().key === column.key ? (sort().order === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      </Show>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={visible()}>
                {(booth) => (
                  <tr data-testid="booth-figures-row" data-booth={booth.id}>
                    <th scope="row">{booth.employer}</th>
                    <td>{booth.booth}</td>
                    <td class="num">{booth.introductions}</td>
                    <td class="num">{booth.pending}</td>
                    <td class="num">{booth.accepted}</td>
                    <td><StatusBadge status={booth.status} /></td>
                    <td class="num">{booth.tabletsOnline}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={props.limit !== undefined && sorted().length > visible().length}>
          <p class="dash-more">and {sorted().length - visible().length} more booths</p>
        </Show>
      </Show>
    </>
  );
}
