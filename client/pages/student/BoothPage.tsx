// /b/:slug — what a phone opens after scanning a booth's poster. The steps after the header come
// in a chunk of their own, loaded when the student's view has a profile: the share / interview /
// referral part. The profile step, form included, comes with this page: on a phone new to the fair
// it replaces the server's copy of its heading in the same task, and nothing moves.
import { createEffect, createSignal, lazy, Match, on, Show, Suspense, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import type { BoothPublic } from '../../../shared/protocol.ts';
import { dropPrerendered, prerenderedBooth } from '../../lib/prerendered.ts';
import { call } from '../../lib/socket.ts';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { createStudentSession } from './session.ts';
import { BoothHeader } from './BoothHeader.tsx';
import { ProfileStep } from './ProfileStep.tsx';

const BoothVisit = lazy(() => import('./BoothVisit.tsx'));

export default function BoothPage() {
  const params = useParams<{ slug: string }>();
  const session = createStudentSession();
  // The facts the server put in the page: the header shows at once, the socket brings it up to date.
  const [booth, setBooth] = createSignal<BoothPublic | undefined>(prerenderedBooth(params.slug));
  // Gone in the same task as this page's markup goes in: no frame shows both, or neither.
  dropPrerendered();
  const [boothError, setBoothError] = createSignal('');

  // Fetched again on every (re)connect, like the rest of the state.
  createEffect(
    on([() => params.slug, session.connection.state], async ([slug, connection]) => {
      if (connection !== 'online') return;
      const reply = await call(session.socket, 'booth:get', { slug });
      if (slug !== params.slug) return;
      if (reply.ok) setBooth(reply.data);
      setBoothError(reply.ok ? '' : reply.error.message);
    }),
  );
  session.onBoothChanged((next) => {
    if (next.id === booth()?.id) setBooth(next);
  });
  const loading = (what: string) => <p class="muted">{what}</p>;

  return (
    <main class="page">
      <ConnectionLine connection={session.connection} pending={session.pending().length} notice={session.notice()} />
      <Show
        when={booth()}
        fallback={
          <Show when={boothError()} fallback={loading('Loading the booth…')}>
            <h1>Booth not found</h1>
            <p role="alert">{boothError()}</p>
            <p>Check the address on the booth's poster, or scan its QR code again.</p>
          </Show>
        }
      >
        {(b) => (
          <>
            <BoothHeader booth={b()} />
            <Show when={session.view()} fallback={loading(session.loadError() || 'Loading your details…')}>
              {(view) => (
                <Suspense fallback={loading('Loading…')}>
                  <Switch>
                    <Match when={view().profile}>
                      {(profile) => <BoothVisit booth={b()} view={view()} profile={profile()} session={session} />}
                    </Match>
                    <Match when={!view().profile}>
                      <ProfileStep save={session.saveProfile} />
                    </Match>
                  </Switch>
                </Suspense>
              )}
            </Show>
          </>
        )}
      </Show>
      <nav class="footer-nav">
        <a href="/me">My fair: visits, contacts and interviews</a>
      </nav>
    </main>
  );
}
