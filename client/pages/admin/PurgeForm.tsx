// The danger zone: after the day's exports, the organiser purges every student's personal data.
// A typed confirmation, because nothing brings it back; booths and the day's counts stay.
import { createSignal } from 'solid-js';
import type { Reply } from '../../../shared/protocol.ts';
import { PURGE_CONFIRMATION } from '../../../shared/privacySchema.ts';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { fetchReply, jsonBody } from '../../lib/http.ts';

export function PurgeForm(props: { token: string; onPurged: () => void; onUnauthorized: () => void }) {
  const [typed, setTyped] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal('');
  const [done, setDone] = createSignal('');

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setDone('');
    if (typed() !== PURGE_CONFIRMATION) return setMessage(`Type ${PURGE_CONFIRMATION} exactly, in capitals, to confirm.`);
    setBusy(true);
    const reply: Reply<unknown> = await fetchReply('/api/admin/purge', {
      method: 'POST',
      ...jsonBody({ confirm: typed() }, { Authorization: `Bearer ${props.token}` }),
    });
    setBusy(false);
    if (!reply.ok && reply.error.code === 'UNAUTHORIZED') return props.onUnauthorized();
    setMessage(reply.ok ? '' : reply.error.message);
    if (!reply.ok) return;
    setTyped('');
    setDone('All personal data is purged: students, introductions, requests and the reps\' names and emails. Booths and counts remain.');
    props.onPurged();
  }

  return (
    <section class="danger" aria-labelledby="purge-heading">
      <h2 id="purge-heading">Purge personal data</h2>
      <p>
        After the fair, once every export is downloaded: removes every student, introduction and interview request, and the
        reps' names and emails, from the server and its files. Booths and the day's counts stay. This cannot be undone.
      </p>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="purge-confirm">Type {PURGE_CONFIRMATION} to confirm</label>
          <input id="purge-confirm" name="confirm" autocomplete="off" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
        <p role="alert" class="form__message">{message()}</p>
        <p role="status" class="form__ok">{done()}</p>
        <SubmitButton label="Purge all personal data" busyLabel="Purging…" busy={busy()} danger />
      </form>
    </section>
  );
}
