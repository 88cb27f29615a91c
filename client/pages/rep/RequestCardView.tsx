// One interview request on the tablet: who, what they want to ask, and what the booth decided.
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { Outcome, RequestCard, RequestStatus } from '../../../shared/protocol.ts';
import { clock, slotRange } from '../../../shared/time.ts';
import type { Queued } from '../../lib/outbox.ts';
import { StudentDetails } from './StudentDetails.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import { DeclineForm } from './DeclineForm.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { VisitorTools } from './VisitorTools.tsx';
import type { RepSession } from './session.ts';

const STATUS_LABELS: Record<RequestStatus, string> = {
  pending: 'Waiting', accepted: 'Accepted', declined: 'Declined', cancelled: 'Cancelled by the student',
  proposed: 'Time proposed', expired: 'Expired',
};
export const OUTCOME_LABELS: Record<Outcome, string> = { attended: 'Attended', noShow: 'No-show' };

/** The card's label: a booked interview whose outcome is known says how it went. */
const statusLabel = (r: RequestCard) => (r.status === 'accepted' && r.outcome ? OUTCOME_LABELS[r.outcome] : STATUS_LABELS[r.status]);

/** "Accept for 14:20", "Decline": what the tablet still has to send. */
function queuedLabel(item: Queued, timeZone: string): string {
  const at = typeof item.input.start === 'string' ? clock(item.input.start, timeZone) : '';
  if (item.event === 'request:accept') return `Accept for ${at}`;
  if (item.event === 'request:propose') return `Propose ${at}`;
  if (item.event === 'request:outcome') return item.input.outcome === 'attended' ? 'Attended' : 'No-show';
  if (item.event === 'request:invite') return 'Invite to ask again';
  return 'Decline';
}

export function RequestCardView(props: {
  request: RequestCard;
  session: RepSession;
  timeZone: string;
  fresh: boolean;
  /** The tablet's clock (ms), ticking: a booked interview offers its outcome once its slot began. */
  now?: number;
}) {
  const [mode, setMode] = createSignal<'idle' | 'accept' | 'propose' | 'decline'>('idle');
  const [inviteError, setInviteError] = createSignal('');
  const close = () => setMode('idle');
  const queued = () => props.session.queued(props.request.id);
  const away = () => props.session.connection.state() !== 'online';
  const visitor = () => props.session.visitorOf(props.request.studentId);
  const begun = () => {
    const slot = props.request.slot;
    return slot !== undefined && Date.parse(slot.start) <= (props.now ?? Date.now());
  };
  const invitable = () => (props.request.status === 'declined' || props.request.status === 'cancelled') && !props.request.invitedAt;

  async function invite() {
    setInviteError('');
    const reply = await props.session.act('request:invite', { requestId: props.request.id });
    if (!reply.ok) setInviteError(reply.error.message);
  }

  return (
    <article
      class={`card card--${props.request.status}`}
      classList={{ 'card--new': props.fresh }}
      data-testid="request-card"
    >
      <header class="card__head">
        <h4>{props.request.student.name}</h4>
        <span class={`tag tag--${props.request.outcome ?? props.request.status}`}>{statusLabel(props.request)}</span>
        <span class="muted">Asked at {clock(props.request.createdAt, props.timeZone)}</span>
      </header>
      <Show when={props.request.note}>
        <p class="quote">{props.request.note}</p>
      </Show>
      <StudentDetails student={props.request.student} />
      <Show when={queued() && away() ? queued() : undefined}>
        {(item) => <p class="card__pending">{queuedLabel(item(), props.timeZone)} — pending, will be sent</p>}
      </Show>
      <Show when={props.request.status === 'pending' && props.request.declinedSlot}>
        {(slot) => <p class="card__pending">{props.request.student.name} could not make {slotRange(slot(), props.timeZone)}.</p>}
      </Show>
      <Switch>
        <Match when={props.request.status === 'accepted' && props.request.outcome}>
          {(outcome) => (
            <p class="card__outcome">
              <Show when={props.request.slot}>{(slot) => <>{slotRange(slot(), props.timeZone)}: </>}</Show>
              {OUTCOME_LABELS[outcome()]}
              <Show when={props.request.nextStep}> · Next step: {props.request.nextStep}</Show>
            </p>
          )}
        </Match>
        <Match when={props.request.status === 'accepted' || props.request.status === 'proposed'}>
          <p class="card__outcome">
            <Show when={props.request.status === 'proposed'}>Proposed </Show>
            <Show when={props.request.slot}>{(slot) => <strong>{slotRange(slot(), props.timeZone)}</strong>}</Show>
            <Show when={props.request.place}> · {props.request.place}</Show>
            <Show when={props.request.interviewer}>{(who) => <> · with {who().name}</>}</Show>
            <Show when={props.request.status === 'proposed'}> — waiting for the student to confirm</Show>
          </p>
        </Match>
        <Match when={props.request.status === 'declined' && props.request.message}>
          <p class="card__outcome">Your message: “{props.request.message}”</p>
        </Match>
        <Match when={props.request.status === 'pending' && (mode() === 'accept' || mode() === 'propose')}>
          <SlotPicker
            request={props.request}
            session={props.session}
            timeZone={props.timeZone}
            close={close}
            event={mode() === 'accept' ? 'request:accept' : 'request:propose'}
          />
        </Match>
        <Match when={props.request.status === 'pending' && mode() === 'decline'}>
          <DeclineForm request={props.request} session={props.session} close={close} />
        </Match>
        <Match when={props.request.status === 'pending' && !queued()}>
          <div class="actions">
            <button type="button" class="button button--primary" onClick={() => setMode('accept')}>
              Accept…
            </button>
            <button type="button" class="button" onClick={() => setMode('propose')}>
              Propose another time…
            </button>
            <button type="button" class="button" onClick={() => setMode('decline')}>
              Decline
            </button>
          </div>
        </Match>
      </Switch>
      <Show when={props.request.status === 'accepted' && !props.request.outcome && begun() && !queued()}>
        <OutcomeForm request={props.request} act={props.session.act} />
      </Show>
      <Show when={props.request.invitedAt}>
        {(at) => <p class="card__note">Invited to ask again at {clock(at(), props.timeZone)}</p>}
      </Show>
      <Show when={invitable() && !queued()}>
        <div class="actions">
          <button type="button" class="button" onClick={() => void invite()}>
            Invite to ask again
          </button>
        </div>
        <p role="alert" class="form__message">{inviteError()}</p>
      </Show>
      <Show when={visitor()}>
        {(v) => <VisitorTools visitor={v()} session={props.session} timeZone={props.timeZone} />}
      </Show>
    </article>
  );
}
