// A visitor without a phone (or with a flat battery) types their details on the tablet: the same
// fields and sentences as the phone's form, and the same explicit consent. On the kiosk face the
// thank-you clears itself, so the next visitor does not read the last one's name.
import * as v from 'valibot';
import { createSignal, onCleanup, Show } from 'solid-js';
import { WalkUpInput } from '../../../shared/boothSchema.ts';
import { parse } from '../../../shared/schema.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import type { RepSession } from './session.ts';

/** How long the thank-you stays before the form gives the tablet back. */
export const WALK_UP_THANKS_MS = 8_000;
const WalkUpFields = v.omit(WalkUpInput, ['id']);

export function WalkUpForm(props: { employer: string; act: RepSession['act']; onDone: () => void; heading?: string }) {
  const state = createFormState('walkup');
  const [thanked, setThanked] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const consent = (form.elements.namedItem('consent') as HTMLInputElement).checked;
    const parsed = parse(WalkUpFields, { name: values.name, email: values.email, phone: values.phone, consent });
    if (!parsed.ok) return state.fail(form, parsed.fields);
    const reply = await state.send(() => props.act('visitor:walkUp', parsed.value));
    if (!reply.ok) return state.fail(form, reply.error.fields ?? {}, reply.error.message);
    state.clear();
    form.reset();
    setThanked(reply.data.name);
    timer = setTimeout(() => props.onDone(), WALK_UP_THANKS_MS);
  }

  return (
    <main class="page kiosk-form">
      <Show
        when={thanked()}
        fallback={
          <>
            <h1>{props.heading ?? 'Leave your details'}</h1>
            <p class="muted">{props.employer} gets your name and email (and phone, if you give it), as when you scan the code with a phone.</p>
            <form class="form" novalidate onSubmit={submit}>
              <Field {...state.field('name')} label="Name" autocomplete="off" />
              <Field {...state.field('email')} label="Email" type="email" autocomplete="off" />
              <Field {...state.field('phone')} label="Phone" optional type="tel" autocomplete="off" />
              <div class="field check" classList={{ 'field--error': !!state.field('consent').error }}>
                <input
                  type="checkbox"
                  id="walkup-consent"
                  name="consent"
                  aria-invalid={state.field('consent').error ? 'true' : undefined}
                  aria-describedby={state.field('consent').error ? 'walkup-consent-error' : undefined}
                  onInput={() => state.field('consent').onInput()}
                />
                <label for="walkup-consent">{props.employer} may keep my name, email and phone to contact me about jobs.</label>
                <Show when={state.field('consent').error}>
                  <p class="field__error" id="walkup-consent-error">{state.field('consent').error}</p>
                </Show>
              </div>
              <p role="alert" class="form__message">{state.message()}</p>
              <div class="actions">
                <SubmitButton label="Send my details" busyLabel="Sending…" busy={state.busy()} />
                <button type="button" class="button" onClick={() => props.onDone()}>
                  Cancel
                </button>
              </div>
            </form>
          </>
        }
      >
        {(name) => (
          <div role="status" class="kiosk-thanks">
            <h1>
              Thank you, {name()}. {props.employer} has your details.
            </h1>
            <button type="button" class="button button--primary" onClick={() => props.onDone()}>
              Done
            </button>
          </div>
        )}
      </Show>
    </main>
  );
}
