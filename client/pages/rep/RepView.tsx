// The rep view behind the kiosk face: the booth's status, the requests split into waiting / booked
// / done with counts, the visitors (each student once), a search by name, and the booth's tools.
import { createMemo, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { RequestCard } from '../../../shared/protocol.ts';
import { ConnectionLine } from '../../components/ConnectionLine.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import type { RepSession } from './session.ts';
import { RequestCardView } from './RequestCardView.tsx';
import { StatusSwitch } from './StatusSwitch.tsx';
import { TagListEditor } from './TagListEditor.tsx';
import { VisitorCard } from './VisitorCard.tsx';
import { SignOut } from './SignOut.tsx';
import { LeadsDownload } from './LeadsDownload.tsx';

/** How often "has this interview begun?" is asked again, for the attended / no-show buttons. */
const CLOCK_TICK_MS = 30_000;

type Stage = 'waiting' | 'booked' | 'done';
/** Waiting: the booth or the student still has to answer. Booked: an interview to hold. Done: nothing left to do. */
export function stageOf(r: RequestCard): Stage {
  if (r.status === 'pending' || r.status === 'proposed') return 'waiting';
  if (r.status === 'accepted' && !r.outcome) return 'booked';
  return 'done';
}
const STAGES: { stage: Stage; title: string; empty: string }[] = [
  { stage: 'waiting', title: 'Waiting', empty: 'No request is waiting. New ones appear here the moment a student asks.' },
  { stage: 'booked', title: 'Booked', empty: 'No interview is booked.' },
  { stage: 'done', title: 'Done', empty: 'Declined, cancelled, expired and held interviews move here.' },
];

export function RepView(props: { session: RepSession; onKiosk: () => void; onWalkUp: () => void; onSignedOut: () => void }) {
  const session = props.session;
  const timeZone = () => session.booth()?.timeZone ?? 'UTC';
  const [query, setQuery] = createSignal('');
  const [editingTags, setEditingTags] = createSignal(false);
  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
  onCleanup(() => clearInterval(tick));

  const matches = (name: string) => name.toLowerCase().includes(query().trim().toLowerCase());
  const requests = createMemo(() => session.requests().filter((r) => matches(r.student.name)));
  const visitors = createMemo(() => session.visitors().filter((v) => matches(v.student.name)));
  const inStage = (stage: Stage) => requests().filter((r) => stageOf(r) === stage);
  const noMatch = () => (query().trim() ? `No one named “${query().trim()}” here.` : '');

  return (
    <main class="page page--wide" data-testid="rep-view">
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
        <div class="rep-head__tools">
          <button type="button" class="button button--primary" onClick={() => props.onKiosk()}>
            Show the kiosk face
          </button>
          <button type="button" class="button" onClick={() => props.onWalkUp()}>
            Add a walk-up visitor
          </button>
          <button type="button" class="button" aria-expanded={editingTags()} onClick={() => setEditingTags((v) => !v)}>
            Edit the booth's tags…
          </button>
          <LeadsDownload />
          <SignOut signOut={session.signOut} onSignedOut={props.onSignedOut} />
        </div>
      </header>
      <Show when={editingTags()}>
        <TagListEditor tags={session.tags()} act={session.act} close={() => setEditingTags(false)} />
      </Show>

      <div class="field rep-search">
        <label for="rep-search">Search by name</label>
        <input id="rep-search" type="search" autocomplete="off" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>

      <div class="columns">
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">Interview requests</h2>
          <For each={STAGES}>
            {({ stage, title, empty }) => (
              <Section id={`requests-${stage}`} title={title} count={inStage(stage).length}>
                <Show when={inStage(stage).length > 0} fallback={<p class="muted">{noMatch() || empty}</p>}>
                  <For each={inStage(stage)}>
                    {(request) => (
                      <RequestCardView
                        request={request}
                        session={session}
                        timeZone={timeZone()}
                        fresh={session.fresh().has(request.id)}
                        now={now()}
                      />
                    )}
                  </For>
                </Show>
              </Section>
            )}
          </For>
        </section>
        <section aria-labelledby="visitors-heading">
          <h2 id="visitors-heading">
            Visitors <span class="count">{visitors().length}</span>
          </h2>
          <Show when={visitors().length > 0} fallback={<p class="muted">{noMatch() || 'Students who share their details appear here.'}</p>}>
            <For each={visitors()}>
              {(visitor) => (
                <VisitorCard visitor={visitor} session={session} timeZone={timeZone()} fresh={session.fresh().has(visitor.introductionId)} />
              )}
            </For>
          </Show>
        </section>
      </div>
    </main>
  );
}

function Section(props: { id: string; title: string; count: number; children: JSX.Element }) {
  return (
    <section class="stage" aria-labelledby={`${props.id}-heading`} data-testid={props.id}>
      <h3 id={`${props.id}-heading`}>
        {props.title} <span class="count">{props.count}</span>
      </h3>
      {props.children}
    </section>
  );
}
