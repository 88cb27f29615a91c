// /admin — set up the fair, add or import booths, hand out pairing codes, export the day.
import { createSignal, onMount, Show } from 'solid-js';
import { EXPORT_FAIR_JSON, EXPORT_INTRODUCTIONS_CSV } from '../../../shared/api.ts';
import type { BoothAdmin, FairInfo, Reply } from '../../../shared/protocol.ts';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { AdminGate } from './AdminGate.tsx';
import { createAdminApi, type Download } from './api.ts';
import { createAdminLive } from './live.ts';
import { FairForm } from './FairForm.tsx';
import { BoothForm } from './BoothForm.tsx';
import { ImportForm } from './ImportForm.tsx';
import { BoothTable } from './BoothTable.tsx';
import { PurgeForm } from './PurgeForm.tsx';
import './admin.css';

export default function AdminPage() {
  return <AdminGate>{(token, onUnauthorized) => <Dashboard token={token} onUnauthorized={onUnauthorized} />}</AdminGate>;
}

function Dashboard(props: { token: string; onUnauthorized: () => void }) {
  const api = createAdminApi(props.token);
  const [fair, setFair] = createSignal<FairInfo>();
  const [booths, setBooths] = createSignal<BoothAdmin[]>([]);
  const [message, setMessage] = createSignal('');

  /** Shows an error reply in words; a refused token sends the organiser back to the gate. */
  const check = <T,>(reply: Reply<T>): reply is { ok: true; data: T } => {
    if (!reply.ok && reply.error.code === 'UNAUTHORIZED') props.onUnauthorized();
    else if (!reply.ok) setMessage(reply.error.message);
    return reply.ok;
  };
  /** For calls whose errors the forms show themselves: only a refused token is handled here. */
  const guard =
    <Args extends unknown[], T>(fn: (...args: Args) => Promise<Reply<T>>) =>
    async (...args: Args): Promise<Reply<T>> => {
      const reply = await fn(...args);
      if (!reply.ok && reply.error.code === 'UNAUTHORIZED') props.onUnauthorized();
      return reply;
    };
  const loadBooths = async () => {
    const reply = await api.booths();
    if (check(reply)) setBooths(reply.data);
  };
  /** Adds new booths and replaces known ones, keeping the table's order. */
  const upsert = (...changed: BoothAdmin[]) =>
    setBooths((list) => {
      const byId = new Map(changed.map((b) => [b.id, b]));
      const kept = list.map((b) => byId.get(b.id) ?? b);
      return [...kept, ...changed.filter((b) => !list.some((old) => old.id === b.id))];
    });

  onMount(async () => {
    const reply = await api.fair();
    if (check(reply)) setFair(reply.data);
    await loadBooths();
  });

  const { stats, connection } = createAdminLive(props.token, () => void loadBooths());

  const download = async (path: Download, name: string) => check(await api.download(path, name));

  return (
    <main class="page page--wide admin">
      <ConnectionLine connection={connection} />
      <h1>Organiser: {fair()?.name ?? 'Boothlink'}</h1>
      <Show when={stats()}>
        {(s) => (
          <p class="stats">
            <span><strong>{s().students}</strong> students</span>
            <span><strong>{s().introductions}</strong> introductions</span>
            <span><strong>{s().requests}</strong> requests</span>
            <span><strong>{s().accepted}</strong> accepted interviews</span>
          </p>
        )}
      </Show>
      <p role="alert" class="form__message">{message()}</p>

      <nav class="admin-links" aria-label="Print and export">
        <a class="button" href="/admin/posters">Print posters</a>
        <button type="button" class="button" onClick={() => download(EXPORT_INTRODUCTIONS_CSV, 'introductions.csv')}>
          Download introductions (CSV)
        </button>
        <button type="button" class="button" onClick={() => download(EXPORT_FAIR_JSON, 'fair.json')}>
          Download fair (JSON)
        </button>
      </nav>

      <section aria-labelledby="fair-heading">
        <h2 id="fair-heading">Fair settings</h2>
        <Show when={fair()} fallback={<p class="muted">Loading the fair settings…</p>}>
          {(info) => (
            <FairForm
              fair={info()}
              save={async (settings) => {
                const reply = await guard(api.saveFair)(settings);
                if (reply.ok) setFair(reply.data);
                return reply;
              }}
            />
          )}
        </Show>
      </section>

      <div class="admin-grid">
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add a booth</h2>
          <BoothForm create={guard(api.createBooth)} onCreated={upsert} />
        </section>
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">Import booths from CSV</h2>
          <ImportForm importCsv={guard(api.importCsv)} onImported={(result) => upsert(...result.created)} />
        </section>
      </div>

      <section aria-labelledby="booths-heading">
        <h2 id="booths-heading">Booths</h2>
        <BoothTable
          booths={booths()}
          stats={stats()}
          resetCode={guard(api.resetCode)}
          revokeTablet={guard(api.revokeTablet)}
          onChanged={upsert}
        />
      </section>

      <PurgeForm token={props.token} onPurged={() => void loadBooths()} onUnauthorized={props.onUnauthorized} />
    </main>
  );
}
