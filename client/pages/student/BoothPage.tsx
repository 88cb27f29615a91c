// /b/:slug — what a phone opens after scanning a booth's poster.
import { createEffect, createSignal, Match, on, Show, Switch } from 'solid-js';
import { useParams } from '@solidjs/router';
import type { BoothPublic } from '../../../shared/protocol.ts';
import { call } from '../../lib/socket.ts';
import { clock } from '../../lib/time.ts';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { ProfileForm } from '../../components/ProfileForm.tsx';
import { createStudentSession } from './session.ts';
import { BoothHeader } from './BoothHeader.tsx';
import { listFields, ShareStep } from './ShareStep.tsx';
import { InterviewSection } from './InterviewSection.tsx';

export default function BoothPage() {
  const params = useParams<{ slug: string }>();
  const session = createStudentSession();
  const [booth, setBooth] = createSignal<BoothPublic>();
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
  const visit = () => session.view()?.visits.find((v) => v.booth.id === booth()?.id);

  return (
    <main class="page">
      <ConnectionLine connection={session.connection} pending={session.pending().length} notice={session.notice()} />
      <Show
        when={booth()}
        fallback={
          <Show when={boothError()} fallback={<p class="muted">Loading the booth…</p>}>
            <h1>Booth not found</h1>
            <p role="alert">{boothError()}</p>
            <p>Check the address on the booth's poster, or scan its QR code again.</p>
          </Show>
        }
      >
        {(b) => (
          <>
            <BoothHeader booth={b()} />
            <Show when={session.view()} fallback={<p class="muted">{session.loadError() || 'Loading your details…'}</p>}>
              {(view) => (
                <Switch>
                  <Match when={!view().profile}>
                    <section class="step">
                      <h2>Your details</h2>
                      <p class="muted">
                        Fill this in once. It stays on the fair's server, and a booth sees it only when you tap Share.
                      </p>
                      <ProfileForm profile={null} submitLabel="Save my details" save={session.saveProfile} />
                    </section>
                  </Match>
                  <Match when={visit()}>
                    {(v) => (
                      <>
                        <p class="done">Your details were shared at {clock(v().sharedAt, b().timeZone)}</p>
                        <p class="muted">
                          {b().employer} has your {listFields(v().fields)}.
                        </p>
                        <InterviewSection booth={b()} request={v().requests[0]} session={session} />
                      </>
                    )}
                  </Match>
                  <Match when={view().profile}>
                    {(profile) => <ShareStep booth={b()} profile={profile()} session={session} />}
                  </Match>
                </Switch>
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
