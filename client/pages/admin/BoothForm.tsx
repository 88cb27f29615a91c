// Add one booth by hand.
import { createSignal } from 'solid-js';
import type { BoothAdmin, Reply } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { Field } from '../../components/Field.tsx';
import { focusFirstError, formValues, without } from '../../lib/form.ts';
import { byInput } from './errors.ts';

export function BoothForm(props: { create: (booth: Record<string, string>) => Promise<Reply<BoothAdmin>>; onCreated: (booth: BoothAdmin) => void }) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [message, setMessage] = createSignal('');
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const fieldProps = (name: string) => ({
    form: 'booth',
    name,
    error: errors()[name],
    onInput: () => setErrors(without(errors(), name)),
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setDone('');
    setBusy(true);
    const reply = await props.create(formValues(form)); // parsed by the server with BoothInput
    setBusy(false);
    if (!reply.ok) return fail(form, byInput(reply.error.fields ?? {}), reply.error.message);
    setErrors({});
    setMessage('');
    setDone(`Added ${reply.data.employer}. Pairing code: ${reply.data.pairingCode}`);
    form.reset();
    props.onCreated(reply.data);
  }

  function fail(form: HTMLFormElement, fields: FieldErrors, text: string) {
    setErrors(fields);
    setMessage(text);
    focusFirstError(form, fields);
  }

  return (
    <form class="form form--grid" novalidate onSubmit={submit}>
      <Field {...fieldProps('employer')} label="Employer" />
      <Field {...fieldProps('booth')} label="Booth number" optional />
      <Field {...fieldProps('description')} label="Description" optional multiline />
      <Field {...fieldProps('roles')} label="Roles" optional hint="Comma-separated, like Data engineer, UX intern." />
      <Field {...fieldProps('website')} label="Website" optional type="url" placeholder="https://" />
      <Field {...fieldProps('place')} label="Interview place" optional hint="Where interviews happen, like Room B2." />
      <p role="alert" class="form__message">{message()}</p>
      <p role="status" class="form__ok">{done()}</p>
      <div>
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? 'Adding…' : 'Add booth'}
        </button>
      </div>
    </form>
  );
}
