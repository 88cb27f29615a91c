// What a booth keeps about a visitor, and the rep's tools for it: the notes, rating and tags, the
// referrals, and the "Notes…" / "Refer…" buttons. On the visitor card and, matched by student, on
// each of their request cards.
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { RATING_LABELS } from '../../../shared/boothSchema.ts';
import type { VisitorCard } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { ReferForm } from './ReferForm.tsx';
import type { RepSession } from './session.ts';

export type ToolsSession = Pick<RepSession, 'act' | 'booths' | 'booth' | 'tags'>;

export function VisitorTools(props: { visitor: VisitorCard; session: ToolsSession; timeZone: string }) {
  const [mode, setMode] = createSignal<'idle' | 'notes' | 'refer'>('idle');
  const close = () => setMode('idle');
  const assessment = () => props.visitor.assessment;
  const summary = () => {
    const a = assessment();
    if (!a) return '';
    return [a.rating ? `Rating: ${RATING_LABELS[a.rating]}` : '', a.tags.length ? `Tags: ${a.tags.join(', ')}` : ''].filter(Boolean).join(' · ');
  };

  return (
    <div class="visitor-tools">
      <Show when={props.visitor.referredBy?.length}>
        <p class="card__note">Referred by {props.visitor.referredBy!.join(', ')}</p>
      </Show>
      <Show when={assessment()}>
        {(a) => (
          <div class="assessment" data-testid="assessment">
            <Show when={summary()}>
              <p class="assessment__summary">{summary()}</p>
            </Show>
            <Show when={a().notes}>
              <p class="quote">{a().notes}</p>
            </Show>
            <p class="muted">
              Notes by {a().by} at {clock(a().at, props.timeZone)}
            </p>
          </div>
        )}
      </Show>
      <For each={props.visitor.referredTo ?? []}>
        {(r) => (
          <p class="card__note">
            Referred to {r.to} by {r.by} at {clock(r.at, props.timeZone)}
            <Show when={r.note}> — “{r.note}”</Show>
          </p>
        )}
      </For>
      <Switch>
        <Match when={mode() === 'notes'}>
          <NoteEditor visitor={props.visitor} tags={props.session.tags()} timeZone={props.timeZone} act={props.session.act} close={close} />
        </Match>
        <Match when={mode() === 'refer'}>
          <ReferForm visitor={props.visitor} session={props.session} close={close} />
        </Match>
        <Match when={mode() === 'idle'}>
          <div class="actions">
            <button type="button" class="button" onClick={() => setMode('notes')} aria-label={`Notes on ${props.visitor.student.name}…`}>
              Notes…
            </button>
            <button type="button" class="button" onClick={() => setMode('refer')} aria-label={`Refer ${props.visitor.student.name}…`}>
              Refer…
            </button>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
