// Import employers from a CSV file (or pasted rows); the bad rows come back with their line numbers.
import { createSignal, For, Show } from 'solid-js';
import { BOOTH_IMPORT_LIMITS } from '../../../shared/api.ts';
import type { ImportResult, Reply } from '../../../shared/protocol.ts';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState } from '../../lib/form.ts';

export function ImportForm(props: { importCsv: (csv: string) => Promise<Reply<ImportResult>>; onImported: (result: ImportResult) => void }) {
  const state = createFormState('import');
  const [result, setResult] = createSignal<ImportResult>();

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    const csv = file ? await file.text() : (form.elements.namedItem('csv') as HTMLTextAreaElement).value;
    setResult(undefined);
    if (!csv.trim()) return state.fail(form, {}, 'Choose a CSV file or paste the rows, with a header row that has an “employer” column.');
    state.clear();
    const reply = await state.send(() => props.importCsv(csv));
    if (!reply.ok) return state.fail(form, {}, reply.error.message);
    setResult(reply.data);
    form.reset();
    props.onImported(reply.data);
  }

  return (
    <form class="form" novalidate onSubmit={submit}>
      <p class="muted">
        A header row with the column <code>employer</code>; optional columns <code>booth</code>, <code>description</code>,{' '}
        <code>website</code>, <code>roles</code>. Up to {BOOTH_IMPORT_LIMITS.rows.toLocaleString('en')} rows and{' '}
        {BOOTH_IMPORT_LIMITS.bytes / (1024 * 1024)} MB a file: split a longer list and import each part.
      </p>
      <div class="field">
        <label for="import-file">CSV file</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" />
      </div>
      <div class="field">
        <label for="import-csv">
          Or paste CSV<span class="field__optional"> (used when no file is chosen)</span>
        </label>
        <textarea id="import-csv" name="csv" rows={4} placeholder={'employer,booth,roles\nACME,12,"Data engineer, UX intern"'} />
      </div>
      <p role="alert" class="form__message">{state.message()}</p>
      <div role="status">
        <Show when={result()}>
          {(r) => (
            <>
              <p class="form__ok">
                Created {r().created.length} {r().created.length === 1 ? 'booth' : 'booths'}.
              </p>
              <Show when={r().errors.length > 0}>
                <p class="form__message">
                  {r().errors.length} {r().errors.length === 1 ? 'row was' : 'rows were'} not imported:
                </p>
                <ul class="import-errors">
                  <For each={r().errors}>
                    {(error) => (
                      <li>
                        Line {error.line}: {error.message}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Show>
      </div>
      <div>
        <SubmitButton label="Import" busyLabel="Importing…" busy={state.busy()} />
      </div>
    </form>
  );
}
