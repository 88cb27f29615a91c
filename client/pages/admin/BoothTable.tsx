// Every booth with its student link, pairing code, tablets and the day's live numbers; a code can be
// reset if it leaked, a tablet revoked if it was lost. Hundreds of booths: a search and a page at a time.
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { AdminStats, BoothAdmin, PairedTablet, Reply } from '../../../shared/protocol.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TabletList } from './TabletList.tsx';
import { BoothPager } from './BoothPager.tsx';
import { findBooths, pageOf } from './boothSearch.ts';

export function BoothTable(props: {
  booths: BoothAdmin[];
  stats?: AdminStats | undefined;
  resetCode: (boothId: string) => Promise<Reply<BoothAdmin>>;
  revokeTablet: (boothId: string, repId: string) => Promise<Reply<BoothAdmin>>;
  onChanged: (booth: BoothAdmin) => void;
}) {
  const [message, setMessage] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [page, setPage] = createSignal(1);
  let tableWrap: HTMLDivElement | undefined;

  const live = createMemo(() => new Map(props.stats?.booths.map((b) => [b.id, b])));
  const found = createMemo(() => findBooths(props.booths, query()));
  const shown = createMemo(() => pageOf(found(), page()));
  const summary = () => {
    const { first, last, pages } = shown();
    const total = props.booths.length;
    const q = query().trim();
    if (!q) return `Booths ${first}–${last} of ${total}.`;
    if (found().length === 0) return `No booth matches “${q}”. Search by employer or booth number, or clear the search.`;
    const matches = `${found().length} of ${total} ${total === 1 ? 'booth' : 'booths'} ${found().length === 1 ? 'matches' : 'match'} “${q}”`;
    return pages > 1 ? `${matches}, ${first}–${last} shown.` : `${matches}.`;
  };

  async function reset(booth: BoothAdmin) {
    const reply = await props.resetCode(booth.id);
    if (!reply.ok) return setMessage(reply.error.message);
    setMessage(`New pairing code for ${reply.data.employer}: ${reply.data.pairingCode}`);
    props.onChanged(reply.data);
  }

  async function revoke(booth: BoothAdmin, tablet: PairedTablet) {
    const sure = confirm(`Sign out ${tablet.name}'s tablet at ${booth.employer}? It will need the pairing code again.`);
    if (!sure) return;
    const reply = await props.revokeTablet(booth.id, tablet.id);
    if (!reply.ok) return setMessage(reply.error.message);
    setMessage(`${tablet.name}'s tablet at ${reply.data.employer} is signed out.`);
    props.onChanged(reply.data);
  }

  return (
    <>
      <p role="status" class="form__ok">{message()}</p>
      <Show when={props.booths.length > 0} fallback={<p class="muted">No booths yet. Add one or import a CSV below.</p>}>
        <div class="booth-tools">
          <div class="field booth-search">
            <label for="booth-search">Find a booth</label>
            <input
              id="booth-search"
              type="search"
              autocomplete="off"
              aria-describedby="booth-search-hint"
              value={query()}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setPage(1);
              }}
            />
            <p id="booth-search-hint" class="field__hint">Employer or booth number.</p>
          </div>
          <p role="status" class="booth-count" id="booth-count">{summary()}</p>
        </div>
        <Show when={found().length > 0}>
          <div class="table-wrap" ref={tableWrap} tabindex="-1" aria-label="Booth table" role="region">
            <table class="table booth-table" aria-describedby="booth-count">
              <thead>
                <tr>
                  <th scope="col" class="num">Booth</th>
                  <th scope="col">Employer and student page</th>
                  <th scope="col">Status</th>
                  <th scope="col">Pairing code</th>
                  <th scope="col">Tablets</th>
                  <th scope="col" class="num">Introductions</th>
                  <th scope="col" class="num">Waiting</th>
                  <th scope="col" class="num">Accepted</th>
                </tr>
              </thead>
              <tbody>
                <For each={shown().rows}>
                  {(booth) => (
                    <tr data-testid="booth-row">
                      <td class="num">{booth.booth}</td>
                      <th scope="row" class="booth-table__employer">
                        {booth.employer}
                        <a class="booth-table__link" href={`/b/${booth.slug}`}>
                          /b/{booth.slug}
                        </a>
                      </th>
                      <td>
                        <StatusBadge status={booth.status} />
                      </td>
                      <td class="booth-table__code">
                        <code data-testid="pairing-code">{booth.pairingCode}</code>
                        <button type="button" class="button button--small" onClick={() => reset(booth)} aria-label={`Reset code for ${booth.employer}`}>
                          Reset code
                        </button>
                      </td>
                      <td class="booth-table__tablets">
                        <TabletList booth={booth} revoke={(tablet) => void revoke(booth, tablet)} />
                      </td>
                      <td class="num">{live().get(booth.id)?.introductions ?? booth.introductions}</td>
                      <td class="num">{live().get(booth.id)?.pending ?? '–'}</td>
                      <td class="num">{live().get(booth.id)?.accepted ?? '–'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={shown().pages > 1}>
            <BoothPager page={shown()} go={setPage} table={() => tableWrap} />
          </Show>
        </Show>
      </Show>
    </>
  );
}
