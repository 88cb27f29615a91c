// The day so far, in figures big enough to read at a glance, and the way to the live dashboard.
import { For, Show } from 'solid-js';
import type { AdminStats } from '../../../shared/protocol.ts';

export const DASHBOARD_PATH = '/admin/dashboard';

export function LiveFigures(props: { stats: AdminStats | undefined }) {
  const waiting = (s: AdminStats) => s.booths.reduce((sum, booth) => sum + booth.pending, 0);
  const figures = (s: AdminStats): [string, number][] => [
    ['Students', s.students],
    ['Introductions', s.introductions],
    ['Interview requests', s.requests],
    ['Waiting for an answer', waiting(s)],
    ['Accepted interviews', s.accepted],
    ['Attended', s.attended],
  ];
  return (
    <>
      <Show when={props.stats} fallback={<p class="muted">Waiting for the server's figures…</p>}>
        {(s) => (
          <dl class="figures" data-testid="figures">
            <For each={figures(s())}>
              {([label, value]) => (
                <div>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              )}
            </For>
          </dl>
        )}
      </Show>
      <p class="live-link">
        <a class="button button--primary" href={DASHBOARD_PATH}>
          Open the live dashboard
        </a>
        <span class="muted">
          A chart of the day and every booth's numbers, updating as they happen; made for this laptop or a wall screen.
        </span>
      </p>
      <p class="muted">Each booth's introductions, waiting requests and accepted interviews are also in the <a href="#booths">Booths</a> table.</p>
    </>
  );
}
