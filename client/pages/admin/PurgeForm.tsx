// The danger zone: after the day's exports, the organiser purges every student's personal data.
// A typed confirmation, because nothing brings it back; booths and the day's counts stay.
import { createSignal } from 'solid-js';
import { ADMIN_PURGE, type Answer } from '../../../shared/api.ts';
import { PURGE_CONFIRMATION } from '../../../shared/privacySchema.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import { fetchReply, jsonBody } from '../../lib/http.ts';
import { RetentionCountdown } from './RetentionCountdown.tsx';

const PURGED = 'All personal data is purged: students, introductions, requests and the reps, whose tablets are signed out. Booths and counts remain.';

export function PurgeForm(props: { token: string; onPurged: () => void; onUnauthorized: () => void }) {
  const [done, setDone] = createSignal('');
  const state = createFormState('purge', () => setDone(''));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const confirm = formValues(form).confirm ?? '';
    if (confirm !== PURGE_CONFIRMATION) {
      return state.fail(form, { confirm: `Type ${PURGE_CONFIRMATION} exactly, in capitals, to confirm.` }, '');
    }
    const reply = await state.send(() => fetchReply<Answer<typeof ADMIN_PURGE, 'POST'>>(ADMIN_PURGE, {
      method: 'POST',
      ...jsonBody({ confirm }, { Authorization: `Bearer ${props.token}` }),
    }));
    if (!reply.ok && reply.error.code === 'UNAUTHORIZED') return props.onUnauthorized();
    if (!reply.ok) return state.fail(form, reply.error.fields ?? {}, reply.error.message);
    state.clear();
    form.reset();
    setDone(PURGED);
    props.onPurged();
  }

  return (
    <section class="danger" aria-labelledby="purge-heading">
      <h2 id="purge-heading">Purge personal data</h2>
      <p>
        After the fair, once every export is downloaded: removes every student, introduction and interview request, and the
        reps (their tablets are signed out), from the server and its files. Booths and the day's counts stay. This cannot be undone.
      </p>
      <RetentionCountdown token={props.token} />
      <form onSubmit={submit} novalidate>
        <Field {...state.field('confirm')} label={`Type ${PURGE_CONFIRMATION} to confirm`} />
        <p role="alert" class="form__message">{state.message()}</p>
        <p role="status" class="form__ok">{done()}</p>
        <SubmitButton label="Purge all personal data" busyLabel="Purging…" busy={state.busy()} danger />
      </form>
    </section>
  );
}
