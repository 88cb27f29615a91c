// One interview request on the tablet: who, what they want to ask, and what the booth decided.
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { RequestCard } from '../../../shared/protocol.ts';
import { clock, slotRange } from '../../lib/time.ts';
import { StudentDetails } from './StudentDetails.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { DeclineForm } from './DeclineForm.tsx';
import type { RepSession } from './session.ts';

const STATUS_LABELS = { pending: 'Waiting', accepted: 'Accepted', declined: 'Declined', cancelled: 'Cancelled by the student' };

export function RequestCardView(props: { request: RequestCard; session: RepSession; timeZone: string; fresh: boolean }) {
  const [mode, setMode] = createSignal<'idle' | 'accept' | 'decline'>('idle');
  const close = () => setMode('idle');

  return (
    <article
      class={`card card--${props.request.status}`}
      classList={{ 'card--new': props.fresh }}
      data-testid="request-card"
    >
      <header class="card__head">
        <h3>{props.request.student.name}</h3>
        <span class={`tag tag--${props.request.status}`}>{STATUS_LABELS[props.request.status]}</span>
        <span class="muted">Asked at {clock(props.request.createdAt, props.timeZone)}</span>
      </header>
      <Show when={props.request.note}>
        <p class="quote">{props.request.note}</p>
      </Show>
      <StudentDetails student={props.request.student} />
      <Switch>
        <Match when={props.request.status === 'accepted'}>
          <p class="card__outcome">
            <Show when={props.request.slot}>{(slot) => <strong>{slotRange(slot(), props.timeZone)}</strong>}</Show>
            <Show when={props.request.place}> · {props.request.place}</Show>
            <Show when={props.request.interviewer}>{(who) => <> · with {who().name}</>}</Show>
          </p>
        </Match>
        <Match when={props.request.status === 'declined' && props.request.message}>
          <p class="card__outcome">Your message: “{props.request.message}”</p>
        </Match>
        <Match when={props.request.status === 'pending' && mode() === 'accept'}>
          <SlotPicker request={props.request} session={props.session} timeZone={props.timeZone} close={close} />
        </Match>
        <Match when={props.request.status === 'pending' && mode() === 'decline'}>
          <DeclineForm request={props.request} session={props.session} close={close} />
        </Match>
        <Match when={props.request.status === 'pending'}>
          <div class="actions">
            <button type="button" class="button button--primary" onClick={() => setMode('accept')}>
              Accept…
            </button>
            <button type="button" class="button" onClick={() => setMode('decline')}>
              Decline
            </button>
          </div>
        </Match>
      </Switch>
    </article>
  );
}
