// The interview request for one booth, with its status kept live by `student:changed`. An action
// taken offline shows here as pending until the outbox has sent it.
import { createSignal, Match, Show, Switch } from 'solid-js';
import { INTERVIEW_ICS, pathTo } from '../../../shared/paths.ts';
import type { BoothPublic, Reply, StudentRequest } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { Field } from '../../components/Field.tsx';
import { formValues, without } from '../../lib/form.ts';
import { slotRange } from '../../../shared/time.ts';
import type { StudentSession } from './session.ts';

const QUEUED: Record<string, string> = {
  'request:create': 'Your request',
  'request:cancel': 'Cancelling',
  'proposal:confirm': 'Confirming the time',
  'proposal:decline': 'Declining the time',
};

/**
 * `refused`: why the booth takes no new request from this student now (a decline, two cancels), as
 * the server words it. It replaces the form, so the phone says why rather than greying a button.
 */
export function InterviewSection(props: { booth: BoothPublic; request?: StudentRequest; refused?: string; session: StudentSession }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [fields, setFields] = createSignal<FieldErrors>({});
  const status = () => props.request?.status;
  const open = () => status() === 'pending' || status() === 'accepted' || status() === 'proposed';
  // With a request open there is nothing to ask again, so neither the refusal nor the invitation shows.
  const refused = () => !open() && props.refused;
  const invited = () => !open() && props.request?.invitedAt;
  const queued = () =>
    props.session.pending().find((i) => i.input.slug === props.booth.slug || (props.request && i.input.requestId === props.request.id));

  async function run(action: () => Promise<Reply<unknown>>) {
    setBusy(true);
    setError('');
    const reply = await action();
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error.message);
      setFields(reply.error.fields ?? {});
    }
  }
  const send = (e: SubmitEvent) => {
    e.preventDefault();
    const note = formValues(e.currentTarget as HTMLFormElement).note ?? '';
    void run(() => props.session.request(props.booth.slug, note));
  };
  const answer = (act: (id: string) => Promise<Reply<unknown>>) => void run(() => act(props.request!.id));

  return (
    <section class="step">
      <h2>Request an informational interview</h2>
      <div role="status" aria-live="polite" data-testid="request-status" class="request-status">
        <Show when={queued()}>
          {(item) => (
            <p class="status status--pending">
              {QUEUED[item().event] ?? 'Your action'} — {props.session.connection.state() === 'online' ? 'sending…' : 'pending, will be sent.'}
            </p>
          )}
        </Show>
        <Show when={props.request}>
          {(r) => (
            <Switch>
              <Match when={r().status === 'pending'}>
                <p class="status status--pending">Waiting for {props.booth.employer}…</p>
                <Show when={r().note}>
                  <p class="quote">{r().note}</p>
                </Show>
                <p class="muted">They will answer here; keep this page open or come back later.</p>
              </Match>
              <Match when={r().status === 'accepted' || r().status === 'proposed'}>
                <p class={`status status--${r().status === 'accepted' ? 'accepted' : 'pending'}`}>
                  {r().status === 'accepted' ? 'Interview booked' : `${props.booth.employer} proposes another time`}
                  <Show when={r().slot}>
                    {(slot) => (
                      <>
                        : <strong>{slotRange(slot(), props.booth.timeZone)}</strong>
                      </>
                    )}
                  </Show>
                </p>
                <Show when={r().place}>
                  <p>Place: {r().place}</p>
                </Show>
                <Show when={r().interviewer}>
                  {(who) => (
                    <p>
                      With {who().name}
                      {who().title ? `, ${who().title}` : ''} · {who().email}
                    </p>
                  )}
                </Show>
                <Show when={r().status === 'accepted'}>
                  <a class="button" href={pathTo(INTERVIEW_ICS, { requestId: r().id })} download="">
                    Add to calendar
                  </a>
                </Show>
              </Match>
              <Match when={r().status === 'declined'}>
                <p class="status status--declined">{props.booth.employer} declined your request.</p>
                <Show when={r().message}>
                  <p class="quote">“{r().message}”</p>
                </Show>
              </Match>
              <Match when={r().status === 'cancelled'}>
                <p class="status">You cancelled your request.</p>
                <Show when={!refused() && !invited()}>
                  <p>You may ask once more.</p>
                </Show>
              </Match>
              <Match when={r().status === 'expired'}>
                <p class="status">The interview windows ended before {props.booth.employer} could answer.</p>
              </Match>
            </Switch>
          )}
        </Show>
        <Show when={!queued() && (refused() || invited())}>
          <p class="status" data-testid="ask-again">{refused() || `${props.booth.employer} invites you to ask again.`}</p>
        </Show>
      </div>
      <Switch>
        <Match when={queued()}>{null}</Match>
        <Match when={open()}>
          <div class="actions">
            <Show when={status() === 'proposed'}>
              <button type="button" class="button button--primary" disabled={busy()} onClick={() => answer(props.session.confirm)}>
                Confirm this time
              </button>
              <button type="button" class="button" disabled={busy()} onClick={() => answer(props.session.declineTime)}>
                Decline this time
              </button>
            </Show>
            <button type="button" class="button" disabled={busy()} onClick={() => answer(props.session.cancel)}>
              {status() === 'accepted' ? 'Cancel interview' : 'Cancel request'}
            </button>
          </div>
        </Match>
        <Match when={!refused() && status() !== 'expired'}>
          <form class="form" novalidate onSubmit={send}>
            <Field
              form="request"
              name="note"
              multiline
              optional
              label="Come with your questions: what would you like to ask?"
              error={fields().note}
              onInput={() => setFields(without(fields(), 'note'))}
            />
            <button type="submit" class="button button--primary" disabled={busy()}>
              {busy() ? 'Sending…' : props.request ? 'Send a new request' : 'Send request'}
            </button>
          </form>
        </Match>
      </Switch>
      <p role="alert" class="form__message">{error()}</p>
    </section>
  );
}
