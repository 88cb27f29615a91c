// Pairs this tablet with a booth: the organiser's pairing code plus who is holding the tablet.
import { createSignal } from 'solid-js';
import type { PairResult } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { Field } from '../../components/Field.tsx';
import { fetchReply, jsonBody } from '../../lib/http.ts';
import { focusFirstError, formValues, without } from '../../lib/form.ts';

export function PairForm(props: { notice: string; onPaired: (result: PairResult) => void }) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const fieldProps = (name: string) => ({
    form: 'pair',
    name,
    error: errors()[name],
    onInput: () => setErrors(without(errors(), name)),
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setBusy(true);
    // The server parses this with PairInput and names the fields in the same words. Not parsed here:
    // shared/schema.ts is one module, so every schema used here would ride along in the phones' chunk.
    const reply = await fetchReply<PairResult>('/api/rep/pair', { method: 'POST', ...jsonBody(formValues(form)) });
    setBusy(false);
    if (!reply.ok) return fail(form, reply.error.fields ?? {}, reply.error.message);
    props.onPaired(reply.data);
  }

  function fail(form: HTMLFormElement, fields: FieldErrors, text: string) {
    setErrors(fields);
    setMessage(text);
    focusFirstError(form, fields);
  }

  return (
    <main class="page">
      <h1>Pair this tablet with your booth</h1>
      <p role="status" class="notice">{props.notice}</p>
      <p class="muted">The organiser gives each booth a pairing code. You enter it once; the tablet stays paired.</p>
      <form class="form" novalidate onSubmit={submit}>
        <Field {...fieldProps('code')} label="Pairing code" placeholder="K7MX-P3QR" autocapitalize="characters" />
        <Field {...fieldProps('name')} label="Your name" autocomplete="name" />
        <Field {...fieldProps('title')} label="Job title" optional autocomplete="organization-title" />
        <Field {...fieldProps('email')} label="Work email" type="email" autocomplete="email" />
        <p role="alert" class="form__message">{message()}</p>
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? 'Pairing…' : 'Pair this tablet'}
        </button>
      </form>
    </main>
  );
}
