// The paired tablet: booth header, the request queue and the visitors, all live.
import { createEffect, For, onCleanup, Show } from 'solid-js';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { createRepSession } from './session.ts';
import { RequestCardView } from './RequestCardView.tsx';
import { StatusSwitch } from './StatusSwitch.tsx';
import { VisitorCard } from './VisitorCard.tsx';
import { armChime } from './chime.ts';

export function RepDashboard(props: { token: string; onSignOut: () => void; onUnauthorized: (message?: string) => void }) {
  const session = createRepSession(props.token, (message) => props.onUnauthorized(message));
  const timeZone = () => session.booth()?.timeZone ?? 'UTC';
  const pending = () => session.requests().filter((r) => r.status === 'pending').length;
  onCleanup(armChime());
  createEffect(() => {
    const employer = session.booth()?.employer ?? 'Boothlink';
    document.title = pending() ? `(${pending()}) ${employer} · Boothlink` : `${employer} · Boothlink`;
  });
  onCleanup(() => (document.title = 'Boothlink'));

  return (
    <main class="page page--wide">
      <ConnectionLine connection={session.connection} pending={session.pending().length} notice={session.notice()} />
      <header class="rep-head">
        <div>
          <Show when={session.booth()} fallback={<h1>{session.loadError() || 'Loading the booth…'}</h1>}>
            {(booth) => (
              <>
                <h1>{booth().employer}</h1>
                <p class="booth__meta">
                  <Show when={booth().booth}>
                    <span>Booth {booth().booth}</span>
                  </Show>
                  <StatusBadge status={booth().status} />
                </p>
                <StatusSwitch session={session} status={booth().status} />
              </>
            )}
          </Show>
          <Show when={session.rep()}>{(rep) => <p class="muted">Signed in as {rep().name}</p>}</Show>
        </div>
        <button type="button" class="button" onClick={() => props.onSignOut()}>
          Sign out this tablet
        </button>
      </header>

      <div class="columns">
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">
            Interview requests <span class="count">{pending()} waiting</span>
          </h2>
          <Show when={session.requests().length > 0} fallback={<p class="muted">No requests yet. They appear here the moment a student asks.</p>}>
            <For each={session.requests()}>
              {(request) => (
                <RequestCardView
                  request={request}
                  session={session}
                  timeZone={timeZone()}
                  fresh={session.fresh().has(request.id)}
                />
              )}
            </For>
          </Show>
        </section>
        <section aria-labelledby="visitors-heading">
          <h2 id="visitors-heading">
            Visitors <span class="count">{session.visitors().length}</span>
          </h2>
          <Show when={session.visitors().length > 0} fallback={<p class="muted">Students who share their details appear here.</p>}>
            <For each={session.visitors()}>
              {(visitor) => (
                <VisitorCard visitor={visitor} timeZone={timeZone()} fresh={session.fresh().has(visitor.introductionId)} />
              )}
            </For>
          </Show>
        </section>
      </div>
    </main>
  );
}
