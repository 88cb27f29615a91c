// The explicit consent: one tap shares the saved profile with this booth, nothing before it.
import { createSignal, onMount } from 'solid-js';
import type { BoothPublic, Profile } from '../../../shared/protocol.ts';
import type { ProfileField } from '../../../shared/schema.ts';
import type { StudentSession } from './session.ts';

// In the profile's order. Also the list of fields: importing PROFILE_FIELDS from schema.ts would
// bring valibot along, which this chunk does not need (the page's size budget).
const FIELD_NAMES: Record<ProfileField, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  school: 'school',
  programme: 'programme',
  graduationYear: 'graduation year',
  link: 'LinkedIn or portfolio link',
  interests: 'interests',
};

/** "name, email and school" */
export function listFields(fields: readonly ProfileField[]): string {
  const names = fields.map((f) => FIELD_NAMES[f]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
}

export function ShareStep(props: { booth: BoothPublic; profile: Profile; session: StudentSession }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  let button!: HTMLButtonElement;
  // Right after the profile form is saved it disappears; carry focus to the next step.
  onMount(() => {
    if (document.activeElement === document.body) button.focus();
  });
  const filled = () => (Object.keys(FIELD_NAMES) as ProfileField[]).filter((f) => props.profile[f] !== '');

  async function share() {
    setBusy(true);
    setError('');
    const reply = await props.session.share(props.booth.slug);
    setBusy(false);
    if (!reply.ok) setError(reply.error.message);
  }

  return (
    <section class="step">
      <button ref={button} type="button" class="button button--primary button--big" disabled={busy()} onClick={share}>
        {busy() ? 'Sharing…' : `Share my details with ${props.booth.employer}`}
      </button>
      <p class="muted">
        {props.booth.employer} will see your {listFields(filled())}. <a href="/me">Edit my details</a>
      </p>
      <p role="alert" class="form__message">{error()}</p>
    </section>
  );
}
