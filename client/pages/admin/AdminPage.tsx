// /admin — the organiser's tasks, one view each: set up the fair, the booths (add, import, pairing
// codes, tablets), the day live, the exports, and the purge after the fair.
import { createSignal, onMount, Show } from 'solid-js';
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
import { ExportPanel } from './ExportPanel.tsx';
import { LiveFigures } from './LiveFigures.tsx';
import { createTask, TaskNav, TaskPanel } from './tasks.tsx';
import './admin.css';

export default function AdminPage() {
  return <AdminGate>{(token, onUnauthorized) => <Dashboard token={token} onUnauthorized={onUnauthorized} />}</AdminGate>;
}

function Dashboard(props: { token: string; onUnauthorized: () => void }) {
  const api = createAdminApi(props.token);
  const [fair, setFair] = createSignal<FairInfo>();
  const [booths, setBooths] = createSignal<BoothAdmin[]>([]);
  const [message, setMessage] = createSignal('');
  const task = createTask();

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
      const known = new Set(list.map((b) => b.id));
      return [...list.map((b) => byId.get(b.id) ?? b), ...changed.filter((b) => !known.has(b.id))];
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
      <p role="alert" class="form__message">{message()}</p>
      <TaskNav current={task()} />

      <TaskPanel id="setup" current={task()}>
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
        <p>
          <a href="#booths">Next: the booths</a>
        </p>
      </TaskPanel>

      <TaskPanel id="booths" current={task()}>
        <p>
          <a class="button" href="/admin/posters">Print posters</a>
        </p>
        <BoothTable
          booths={booths()}
          stats={stats()}
          resetCode={guard(api.resetCode)}
          revokeTablet={guard(api.revokeTablet)}
          onChanged={upsert}
        />
        <div class="admin-grid">
          <section aria-labelledby="add-heading">
            <h3 id="add-heading">Add a booth</h3>
            <BoothForm create={guard(api.createBooth)} onCreated={upsert} />
          </section>
          <section aria-labelledby="import-heading">
            <h3 id="import-heading">Import booths from CSV</h3>
            <ImportForm importCsv={guard(api.importCsv)} onImported={(result) => upsert(...result.created)} />
          </section>
        </div>
      </TaskPanel>

      <TaskPanel id="live" current={task()}>
        <LiveFigures stats={stats()} />
      </TaskPanel>

      <TaskPanel id="export" current={task()}>
        <ExportPanel download={(path, name) => download(path as Download, name)} booths={booths()} />
      </TaskPanel>

      <TaskPanel id="after" current={task()}>
        <PurgeForm token={props.token} onPurged={() => void loadBooths()} onUnauthorized={props.onUnauthorized} />
      </TaskPanel>
    </main>
  );
}
