// Add one booth by hand.
import { createSignal } from 'solid-js';
import type { BoothAdmin, Reply } from '../../../shared/protocol.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import { byInput } from './errors.ts';

export function BoothForm(props: { create: (booth: Record<string, string>) => Promise<Reply<BoothAdmin>>; onCreated: (booth: BoothAdmin) => void }) {
  const state = createFormState('booth');
  const [done, setDone] = createSignal('');

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setDone('');
    const reply = await state.send(() => props.create(formValues(form))); // parsed by the server with BoothInput
    if (!reply.ok) return state.fail(form, byInput(reply.error.fields ?? {}), reply.error.message);
    state.clear();
    setDone(`Added ${reply.data.employer}. Pairing code: ${reply.data.pairingCode}`);
    form.reset();
    props.onCreated(reply.data);
  }

  return (
    <form class="form form--grid" novalidate onSubmit={submit}>
      <Field {...state.field('employer')} label="Employer" />
      <Field {...state.field('booth')} label="Booth number" optional />
      <Field {...state.field('description')} label="Description" optional multiline />
      <Field {...state.field('roles')} label="Roles" optional hint="Comma-separated, like Data engineer, UX intern." />
      <Field {...state.field('website')} label="Website" optional type="url" placeholder="https://" />
      <Field {...state.field('place')} label="Interview place" optional hint="Where interviews happen, like Room B2." />
      <p role="alert" class="form__message">{state.message()}</p>
      <p role="status" class="form__ok">{done()}</p>
      <div>
        <SubmitButton label="Add booth" busyLabel="Adding…" busy={state.busy()} />
      </div>
    </form>
  );
}
