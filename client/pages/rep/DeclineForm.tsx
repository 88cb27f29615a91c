// "Decline": an optional short message the student will read on their phone.
import { createSignal } from 'solid-js';
import type { RequestCard } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { formValues } from '../../lib/form.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import type { RepSession } from './session.ts';
import { createAnswer } from './answer.ts';

export function DeclineForm(props: { request: RequestCard; session: RepSession; close: () => void }) {
  const answer = createAnswer(props);
  const [fields, setFields] = createSignal<FieldErrors>({});

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const message = formValues(e.currentTarget as HTMLFormElement).message ?? '';
    const reply = await answer.send(() => props.session.act('request:decline', { requestId: props.request.id, message }));
    if (!reply.ok) setFields(reply.error.fields ?? {});
  }

  return (
    <form class="form picker" novalidate onSubmit={submit}>
      <Field
        form={`decline-${props.request.id}`}
        name="message"
        multiline
        optional
        label="Message to the student"
        hint="For example: “We are fully booked today; write to us at careers@…”"
        error={fields().message}
      />
      <p role="alert" class="form__message">{answer.error()}</p>
      <div class="actions">
        <SubmitButton label="Send decline" busyLabel="Sending…" busy={answer.busy()} danger />
        <button type="button" class="button button--quiet" onClick={() => props.close()}>
          Back
        </button>
      </div>
    </form>
  );
}
