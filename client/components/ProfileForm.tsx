// The student's profile form: first scan on the booth page, and editing on /me.
import { createSignal, Show, untrack } from 'solid-js';
import type { Profile, Reply } from '../../shared/protocol.ts';
import { parse, ProfileSchema } from '../../shared/schema.ts';
import { Field } from './Field.tsx';
import { SubmitButton } from './SubmitButton.tsx';
import { createFormState, formValues } from '../lib/form.ts';

export function ProfileForm(props: {
  profile: Profile | null;
  submitLabel: string;
  save: (profile: Profile) => Promise<Reply<unknown>>;
  onSaved?: () => void;
}) {
  const [saved, setSaved] = createSignal(false);
  const state = createFormState('profile', () => setSaved(false));
  // The form starts from the profile as it was when it opened; later pushes never overwrite typing.
  const initial = untrack(() => props.profile);
  const fieldProps = (name: keyof Profile) => ({ ...state.field(name), value: initial?.[name] ?? '' });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const parsed = parse(ProfileSchema, formValues(form));
    if (!parsed.ok) return state.fail(form, parsed.fields);
    const reply = await state.send(() => props.save(parsed.value));
    if (!reply.ok) return state.fail(form, reply.error.fields ?? {}, reply.error.message);
    state.clear();
    setSaved(true);
    props.onSaved?.();
  }

  return (
    <form class="form" novalidate onSubmit={submit}>
      <Field {...fieldProps('name')} label="Name" autocomplete="name" />
      <Field {...fieldProps('email')} label="Email" type="email" autocomplete="email" />
      <Field {...fieldProps('phone')} label="Phone" optional type="tel" autocomplete="tel" />
      <Field {...fieldProps('school')} label="School" optional autocomplete="organization" />
      <Field {...fieldProps('programme')} label="Programme" optional />
      <Field {...fieldProps('graduationYear')} label="Graduation year" optional inputmode="numeric" placeholder="2027" />
      <Field {...fieldProps('link')} label="LinkedIn or portfolio URL" optional type="url" autocomplete="url" placeholder="https://" />
      <Field {...fieldProps('interests')} label="Interests" optional hint="One line, like “data engineering, climate tech”." />
      <p role="alert" class="form__message">{state.message()}</p>
      <Show when={saved()}>
        <p role="status" class="form__ok">Your details are saved.</p>
      </Show>
      <SubmitButton label={props.submitLabel} busyLabel="Saving…" busy={state.busy()} />
    </form>
  );
}
