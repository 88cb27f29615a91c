// /me — "My fair": every booth visited, every suggestion of a rep, every contact, the interview schedule, the profile.
import { createSignal, For, Show } from 'solid-js';
import { INTERVIEW_ICS, pathTo } from '../../../shared/paths.ts';
import type { StudentRequest, Visit } from '../../../shared/protocol.ts';
import { clock, compareInstants, slotWithDay } from '../../../shared/time.ts';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { ProfileForm } from '../../components/ProfileForm.tsx';
import { createStudentSession } from './session.ts';
import { RepContact } from './BoothHeader.tsx';
import { EraseForm } from './EraseForm.tsx';
import { HeldData } from './HeldData.tsx';
import { Referrals } from './Referrals.tsx';
import { eraseEverything, withdraw } from './privacy.ts';
import './me.css';

const ERASED = 'Your profile is erased. Nothing about you is left on the fair\'s server, and this phone has forgotten you. Scan a booth again to start afresh.';

type Booked = { visit: Visit; request: StudentRequest & { slot: NonNullable<StudentRequest['slot']> } };

export default function MePage() {
  const session = createStudentSession();
  const visits = () => session.view()?.visits ?? [];
  const schedule = () =>
    visits()
      .flatMap((visit) =>
        visit.requests.filter((r) => r.status === 'accepted' && r.slot).map((request) => ({ visit, request }) as Booked),
      )
      .sort((a, b) => compareInstants(a.request.slot.start, b.request.slot.start));
  const contacts = () => visits().flatMap((visit) => visit.booth.reps.map((rep) => ({ rep, booth: visit.booth })));
  const [erased, setErased] = createSignal(false);
  const erase = async () => {
    const reply = await eraseEverything(session.socket);
    setErased(reply.ok);
    return reply;
  };
  const withdrawFrom = async (slug: string) => {
    const reply = session.keep(await withdraw(session.socket, slug));
    return reply.ok ? '' : reply.error.message;
  };

  return (
    <main class="page">
      <Show when={!erased()}>
        <ConnectionLine connection={session.connection} pending={session.pending().length} notice={session.notice()} />
      </Show>
      <h1>My fair</h1>
      <Show when={erased()}>
        <p role="status" class="notice" data-testid="erased">{ERASED}</p>
      </Show>
      <Show when={!erased() && session.view()} fallback={<p class="muted">{erased() ? '' : session.loadError() || 'Loading…'}</p>}>
        {(view) => (
          <>
            <section class="step">
              <h2>Interview schedule</h2>
              <Show when={schedule().length > 0} fallback={<p class="muted">No interviews booked yet.</p>}>
                <ul class="list">
                  <For each={schedule()}>
                    {({ visit, request }) => (
                      <li>
                        <strong>{slotWithDay(request.slot, visit.booth.timeZone)}</strong> · {visit.booth.employer}
                        <Show when={request.place}>, {request.place}</Show>
                        <Show when={request.interviewer}>
                          {(who) => <p class="muted">With {who().name} · {who().email}</p>}
                        </Show>
                        <a href={pathTo(INTERVIEW_ICS, { requestId: request.id })} download="">
                          Add to calendar
                        </a>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <section class="step">
              <h2>Booths you visited</h2>
              <Show when={visits().length > 0} fallback={<p class="muted">None yet. Scan a booth's QR code to start.</p>}>
                <ul class="list">
                  <For each={visits()}>
                    {(visit) => (
                      <li>
                        <a href={`/b/${visit.booth.slug}`}>{visit.booth.employer}</a>
                        <Show when={visit.booth.booth}> · Booth {visit.booth.booth}</Show>
                        <p class="muted">Details shared at {clock(visit.sharedAt, visit.booth.timeZone)}</p>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <section class="step" aria-labelledby="suggested-heading">
              <h2 id="suggested-heading">Suggested for you</h2>
              <Show
                when={view().referrals?.length}
                fallback={<p class="muted">When a rep suggests another booth or a colleague to talk to, you will find it here.</p>}
              >
                <Referrals referrals={view().referrals!} />
              </Show>
            </section>

            <section class="step">
              <h2>Contacts</h2>
              <Show
                when={contacts().length > 0}
                fallback={<p class="muted">Contacts of the reps at the booths you visit appear here.</p>}
              >
                <ul class="reps">
                  <For each={contacts()}>
                    {({ rep, booth }) => <RepContact rep={rep} slug={booth.slug} employer={booth.employer} />}
                  </For>
                </ul>
              </Show>
            </section>

            <section class="step">
              <h2>My details</h2>
              <ProfileForm
                profile={view().profile}
                submitLabel={view().profile ? 'Save changes' : 'Save my details'}
                save={session.saveProfile}
              />
            </section>

            <HeldData view={view()} withdraw={withdrawFrom} />
            <EraseForm erase={erase} />
          </>
        )}
      </Show>
    </main>
  );
}
