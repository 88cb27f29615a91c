// The interview request for one booth, with its status kept live by `student:changed`.
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { BoothPublic, Reply, StudentRequest } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { Field } from '../../components/Field.tsx';
import { formValues, without } from '../../lib/form.ts';
import { slotRange } from '../../lib/time.ts';
import type { StudentSession } from './session.ts';

export function InterviewSection(props: { booth: BoothPublic; request?: StudentRequest; session: StudentSession }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const [fields, setFields] = createSignal<FieldErrors>({});
  const open = () => props.request?.status === 'pending' || props.request?.status === 'accepted';

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
  const cancel = (id: string) => void run(() => props.session.cancel(id));

  return (
    <section class="step">
      <h2>Request an informational interview</h2>
      <div role="status" aria-live="polite" data-testid="request-status" class="request-status">
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
              <Match when={r().status === 'accepted'}>
                <p class="status status--accepted">
                  Interview booked
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
                <a class="button" href={`/api/interviews/${encodeURIComponent(r().id)}.ics`} download="">
                  Add to calendar
                </a>
              </Match>
              <Match when={r().status === 'declined'}>
                <p class="status status--declined">{props.booth.employer} declined your request.</p>
                <Show when={r().message}>
                  <p class="quote">“{r().message}”</p>
                </Show>
              </Match>
              <Match when={r().status === 'cancelled'}>
                <p class="status">You cancelled your request.</p>
              </Match>
            </Switch>
          )}
        </Show>
      </div>
      <Show
        when={open()}
        fallback={
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
        }
      >
        <button type="button" class="button" disabled={busy()} onClick={() => cancel(props.request!.id)}>
          {props.request?.status === 'accepted' ? 'Cancel interview' : 'Cancel request'}
        </button>
      </Show>
      <p role="alert" class="form__message">{error()}</p>
    </section>
  );
}
