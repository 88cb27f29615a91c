// The student's profile form: first scan on the booth page, and editing on /me.
import { createSignal, Show, untrack } from 'solid-js';
import type { Profile, Reply } from '../../shared/protocol.ts';
import { parse, ProfileSchema, type FieldErrors } from '../../shared/schema.ts';
import { Field } from './Field.tsx';
import { focusFirstError, formValues, without } from '../lib/form.ts';

export function ProfileForm(props: {
  profile: Profile | null;
  submitLabel: string;
  save: (profile: Profile) => Promise<Reply<unknown>>;
  onSaved?: () => void;
}) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [message, setMessage] = createSignal('');
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  // The form starts from the profile as it was when it opened; later pushes never overwrite typing.
  const initial = untrack(() => props.profile);
  const value = (name: keyof Profile) => initial?.[name] ?? '';
  const fieldProps = (name: keyof Profile) => ({
    form: 'profile',
    name,
    value: value(name),
    error: errors()[name],
    onInput: () => {
      setErrors(without(errors(), name));
      setSaved(false);
    },
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const parsed = parse(ProfileSchema, formValues(form));
    if (!parsed.ok) return fail(form, parsed.fields, 'Please correct the marked fields.');
    setBusy(true);
    const reply = await props.save(parsed.value);
    setBusy(false);
    if (!reply.ok) return fail(form, reply.error.fields ?? {}, reply.error.message);
    setErrors({});
    setMessage('');
    setSaved(true);
    props.onSaved?.();
  }

  function fail(form: HTMLFormElement, fields: FieldErrors, text: string) {
    setErrors(fields);
    setMessage(text);
    focusFirstError(form, fields);
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
      <p role="alert" class="form__message">{message()}</p>
      <Show when={saved()}>
        <p role="status" class="form__ok">Your details are saved.</p>
      </Show>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {busy() ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}
