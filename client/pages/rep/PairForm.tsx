// Pairs this tablet with a booth: the organiser's pairing code plus who is holding the tablet.
import { REP_PAIR, type Answer } from '../../../shared/api.ts';
import type { PairResult } from '../../../shared/protocol.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { fetchReply, jsonBody } from '../../lib/http.ts';
import { createFormState, formValues } from '../../lib/form.ts';

export function PairForm(props: { notice: string; onPaired: (result: PairResult) => void }) {
  const state = createFormState('pair');

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    // The server parses this with PairInput and names the fields in the same words. Not parsed here:
    // shared/schema.ts is one module, so every schema used here would ride along in the phones' chunk.
    const reply = await state.send(() => fetchReply<Answer<typeof REP_PAIR, 'POST'>>(REP_PAIR, { method: 'POST', ...jsonBody(formValues(form)) }));
    if (!reply.ok) return state.fail(form, reply.error.fields ?? {}, reply.error.message);
    props.onPaired(reply.data);
  }

  return (
    <main class="page">
      <h1>Pair this tablet with your booth</h1>
      <p role="status" class="notice">{props.notice}</p>
      <p class="muted">The organiser gives each booth a pairing code. You enter it once; the tablet stays paired.</p>
      <form class="form" novalidate onSubmit={submit}>
        <Field
          {...state.field('code')}
          label="Pairing code"
          hint="Capitals or small letters, with or without the dash and spaces: k7mx p3qr works too."
          placeholder="K7MX-P3QR"
          autocapitalize="characters"
        />
        <Field {...state.field('name')} label="Your name" autocomplete="name" />
        <Field {...state.field('title')} label="Job title" optional autocomplete="organization-title" />
        <Field {...state.field('email')} label="Work email" type="email" autocomplete="email" />
        <Field
          {...state.field('pin')}
          label="Choose a PIN (4–8 digits)"
          hint="The tablet shows a public kiosk face; you type this PIN to open your view of the booth's visitors."
          type="password"
          inputmode="numeric"
          autocomplete="off"
        />
        <p role="alert" class="form__message">{state.message()}</p>
        <SubmitButton label="Pair this tablet" busyLabel="Pairing…" busy={state.busy()} />
      </form>
    </main>
  );
}
