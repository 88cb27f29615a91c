// The organiser's exports, one section body: the day's introductions (CSV, XLSX), the whole fair
// (JSON), every employer's package, and one employer's package picked from a list that a search
// box narrows (a fair of 300 booths is one long list otherwise).
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { EXPORT_ALL_PACKAGES, EXPORT_BOOTH_PACKAGE, EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV, EXPORT_INTRODUCTIONS_XLSX } from '../../../shared/api.ts';
import { pathTo } from '../../../shared/paths.ts';
import type { BoothAdmin } from '../../../shared/protocol.ts';
import { findBooths } from './boothSearch.ts';

export interface ExportPanelProps {
  /** Fetches the path with the organiser's token and saves the file; errors are the caller's to show. */
  download: (path: string, name: string) => Promise<unknown>;
  booths: BoothAdmin[];
}

const boothLabel = (booth: BoothAdmin): string => (booth.booth ? `${booth.booth} · ${booth.employer}` : booth.employer);
const byNumberThenName = (a: BoothAdmin, b: BoothAdmin): number =>
  (a.booth || '\uffff').localeCompare(b.booth || '\uffff', 'en', { numeric: true }) || a.employer.localeCompare(b.employer, 'en');

export function ExportPanel(props: ExportPanelProps) {
  const id = createUniqueId();
  const [busy, setBusy] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [picked, setPicked] = createSignal('');

  const sorted = createMemo(() => [...props.booths].sort(byNumberThenName));
  const matches = createMemo(() => findBooths(sorted(), query()));
  /** The picked booth while it is in the list; else the list's first. */
  const chosen = createMemo(() => matches().find((b) => b.slug === picked()) ?? matches()[0]);

  /** One download at a time: each button says it is working, and all wait for it. */
  async function save(label: string, path: string, name: string) {
    if (busy()) return;
    setBusy(label);
    try {
      await props.download(path, name);
    } finally {
      setBusy('');
    }
  }

  const packageLabel = () => {
    const booth = chosen();
    return booth ? `Download the package of ${booth.employer}` : "Download this employer's package";
  };
  const savePicked = () => {
    const booth = chosen();
    if (booth) void save(packageLabel(), pathTo(EXPORT_BOOTH_PACKAGE, { slug: booth.slug }), `${booth.slug}.zip`);
  };

  const button = (label: string, path: string, name: string) => (
    <button type="button" class="button" disabled={busy() !== ''} aria-busy={busy() === label} onClick={() => save(label, path, name)}>
      {label}
    </button>
  );

  return (
    <div class="export-panel">
      <p class="muted">
        The CSV and the spreadsheet hold one row per introduction with the booth's notes, rating and tags, and each time in UTC and
        on the fair's clock. A package is one employer's zip: its introductions (CSV and XLSX), its visitors' contact cards (.vcf)
        and its booked interviews (.ics), with only what each student shared with that employer.
      </p>
      <div class="admin-links">
        {button('Download introductions (CSV)', EXPORT_INTRODUCTIONS_CSV, 'introductions.csv')}
        {button('Download introductions (Excel, XLSX)', EXPORT_INTRODUCTIONS_XLSX, 'introductions.xlsx')}
        {button('Download fair (JSON)', EXPORT_FAIR_JSON, 'fair.json')}
        {button("Download every employer's package (ZIP)", EXPORT_ALL_PACKAGES, 'booths.zip')}
      </div>

      <div class="form form--grid">
        <div class="field">
          <label for={`${id}-find`}>Find an employer</label>
          <input id={`${id}-find`} type="search" autocomplete="off" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-booth`}>Employer's package</label>
          <select
            id={`${id}-booth`}
            value={chosen()?.slug ?? ''}
            disabled={matches().length === 0}
            onChange={(e) => setPicked(e.currentTarget.value)}
          >
            <For each={matches()}>{(booth) => <option value={booth.slug}>{boothLabel(booth)}</option>}</For>
          </select>
          <p class="field__hint" aria-live="polite">
            <Show when={props.booths.length > 0} fallback="No booths yet: add or import them first.">
              <Show when={matches().length > 0} fallback={`No employer matches “${query()}”.`}>
                {matches().length === props.booths.length
                  ? `${props.booths.length} ${props.booths.length === 1 ? 'employer' : 'employers'}`
                  : `${matches().length} of ${props.booths.length} employers`}
              </Show>
            </Show>
          </p>
        </div>
        <div>
          <button type="button" class="button" disabled={busy() !== '' || !chosen()} aria-busy={busy() === packageLabel()} onClick={savePicked}>
            {packageLabel()}
          </button>
        </div>
      </div>
      <p role="status" class="muted">{busy() ? `Preparing: ${busy()}…` : ''}</p>
    </div>
  );
}
