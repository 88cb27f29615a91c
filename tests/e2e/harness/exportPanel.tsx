// The organiser page's export section on a page of its own, for tests/e2e/exportPanel.test.ts: the
// ExportPanel wired as the organiser page wires a section (the admin API with the token from the
// link's fragment, the booths as the server lists them).
import { createResource, createSignal, Show } from 'solid-js';
import { render } from 'solid-js/web';
import { createAdminApi, type Download } from '../../../client/pages/admin/api.ts';
import { ExportPanel } from '../../../client/pages/admin/ExportPanel.tsx';
import '../../../client/styles/base.css';
import '../../../client/pages/admin/admin.css';

const api = createAdminApi(new URLSearchParams(location.hash.slice(1)).get('token') ?? '');
const [booths] = createResource(async () => {
  const reply = await api.booths();
  return reply.ok ? reply.data : [];
});

/** A refusal in words, as the organiser page shows it. */
const [message, setMessage] = createSignal('');
async function download(path: string, name: string) {
  setMessage('');
  const reply = await api.download(path as Download, name);
  if (!reply.ok) setMessage(reply.error.message);
}

render(
  () => (
    <main class="page page--wide admin">
      <h1>Organiser</h1>
      <p role="alert" class="form__message">{message()}</p>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <Show when={booths()} fallback={<p class="muted">Loading the booths…</p>}>
          {(list) => <ExportPanel booths={list()} download={download} />}
        </Show>
      </section>
    </main>
  ),
  document.getElementById('app')!,
);
