// "Erase my profile": a typed confirmation, since nothing can bring the data back.
import { createSignal } from 'solid-js';
import type { Reply } from '../../../shared/protocol.ts';
import { ERASE_CONFIRMATION } from '../../../shared/privacySchema.ts';
import { SubmitButton } from '../../components/SubmitButton.tsx';

export function EraseForm(props: { erase: () => Promise<Reply<unknown>> }) {
  const [typed, setTyped] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (typed().trim() !== ERASE_CONFIRMATION) return setError(`Type ${ERASE_CONFIRMATION} in capitals to confirm.`);
    setBusy(true);
    const reply = await props.erase();
    setBusy(false);
    setError(reply.ok ? '' : reply.error.message);
  };
  return (
    <section class="step" aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase my profile</h2>
      <p>
        This removes your details, every booth's access to them and your interview requests from this fair's server.
        Booths keep only what they already wrote down or downloaded.
      </p>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="erase-confirm">Type {ERASE_CONFIRMATION} to confirm</label>
          <input id="erase-confirm" name="confirm" autocomplete="off" autocapitalize="characters" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
        <p role="alert" class="form__message">{error()}</p>
        <SubmitButton label="Erase my profile" busyLabel="Erasing…" busy={busy()} danger />
      </form>
    </section>
  );
}
