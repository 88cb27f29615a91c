// /admin/dashboard — the day at a glance, live: totals, the day's chart and every booth's figures.
// For the organiser's laptop, or a wall screen (`?wall`): no controls, type legible from three metres.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useLocation, useNavigate } from '@solidjs/router';
import type { AdminStats } from '../../../shared/protocol.ts';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { AdminGate } from './AdminGate.tsx';
import { createAdminApi } from './api.ts';
import { BoothFigures } from './BoothFigures.tsx';
import { DayChart } from './DayChart.tsx';
import { createAdminLive } from './live.ts';
import './dashboard.css';

export const DASHBOARD_PATH = '/admin/dashboard';
/** How many booths the wall lists: as many as fit in large type beside the chart on a 1080p screen. */
const WALL_BOOTHS = 8;

export default function DashboardPage() {
  return <AdminGate>{(token, onUnauthorized) => <Dashboard token={token} onUnauthorized={onUnauthorized} />}</AdminGate>;
}

function Dashboard(props: { token: string; onUnauthorized: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const wall = () => new URLSearchParams(location.search).has('wall');
  const setWall = (on: boolean) => navigate(on ? `${DASHBOARD_PATH}?wall` : DASHBOARD_PATH, { replace: true });
  const [fairName, setFairName] = createSignal('');
  const [message, setMessage] = createSignal('');

  onMount(async () => {
    const reply = await createAdminApi(props.token).fair();
    if (reply.ok) setFairName(reply.data.name);
    else if (reply.error.code === 'UNAUTHORIZED') props.onUnauthorized();
    else setMessage(reply.error.message);
  });
  const { stats, connection } = createAdminLive(props.token, () => {});

  // Escape leaves the wall display: the one way out it shows no button for, besides its small link.
  const onKey = (event: KeyboardEvent) => event.key === 'Escape' && wall() && setWall(false);
  addEventListener('keydown', onKey);
  onCleanup(() => removeEventListener('keydown', onKey));

  return (
    <main class={wall() ? 'dash dash--wall' : 'dash page page--wide'}>
      <ConnectionLine connection={connection} />
      <header class="dash__header">
        <h1>{fairName() || 'Fair'}: live</h1>
        <Show
          when={!wall()}
          fallback={
            <button type="button" class="dash__leave" onClick={() => setWall(false)}>
              Leave wall display
            </button>
          }
        >
          <nav class="dash__controls" aria-label="Dashboard">
            <a class="button" href="/admin">Organiser page</a>
            <button type="button" class="button" onClick={() => setWall(true)}>
              Wall display
            </button>
          </nav>
        </Show>
      </header>
      <p role="alert" class="form__message">{message()}</p>
      <Show when={stats()} fallback={<p class="muted">Loading the figures…</p>}>
        {(s) => <Figures stats={s()} wall={wall()} />}
      </Show>
    </main>
  );
}

const TOTALS = [
  ['Students', 'students'],
  ['Introductions', 'introductions'],
  ['Requests', 'requests'],
  ['Accepted', 'accepted'],
  ['Attended', 'attended'],
] as const;

function Figures(props: { stats: AdminStats; wall: boolean }) {
  return (
    <div class="dash__body">
      <section aria-labelledby="totals-heading" class="dash__totals">
        <h2 id="totals-heading" class="visually-hidden">Totals</h2>
        <dl class="dash-totals" data-testid="totals">
          <For each={TOTALS}>
            {([label, key]) => (
              <div class="dash-total">
                <dt>{label}</dt>
                <dd data-total={key}>{props.stats[key].toLocaleString('en')}</dd>
              </div>
            )}
          </For>
        </dl>
      </section>
      <section aria-labelledby="chart-heading" class="dash__chart">
        <h2 id="chart-heading">The day</h2>
        <DayChart quarters={props.stats.day.quarters} timeZone={props.stats.day.timeZone} wall={props.wall} />
      </section>
      <section aria-labelledby="booths-heading" class="dash__booths">
        <h2 id="booths-heading">Booths</h2>
        <BoothFigures booths={props.stats.booths} wall={props.wall} limit={props.wall ? WALL_BOOTHS : undefined} />
      </section>
    </div>
  );
}
