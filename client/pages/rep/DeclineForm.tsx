// "Decline": an optional short message the student will read on their phone.
import { createSignal } from 'solid-js';
import type { RequestCard } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { act } from '../../lib/socket.ts';
import { formValues } from '../../lib/form.ts';
import { Field } from '../../components/Field.tsx';
import type { RepSession } from './session.ts';

export function DeclineForm(props: { request: RequestCard; session: RepSession; close: () => void }) {
  const [error, setError] = createSignal('');
  const [fields, setFields] = createSignal<FieldErrors>({});
  const [busy, setBusy] = createSignal(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const message = formValues(e.currentTarget as HTMLFormElement).message ?? '';
    setBusy(true);
    const reply = await act(props.session.socket, 'request:decline', { requestId: props.request.id, message });
    setBusy(false);
    if (reply.ok) {
      props.session.mergeRequest(reply.data);
      props.close();
    } else {
      setError(reply.error.message);
      setFields(reply.error.fields ?? {});
    }
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
      <p role="alert" class="form__message">{error()}</p>
      <div class="actions">
        <button type="submit" class="button button--danger" disabled={busy()}>
          {busy() ? 'Sending…' : 'Send decline'}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.close()}>
          Back
        </button>
      </div>
    </form>
  );
}
