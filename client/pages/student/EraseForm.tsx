// "Erase my profile": a typed confirmation, since nothing can bring the data back.
import type { Reply } from '../../../shared/protocol.ts';
import { ERASE_CONFIRMATION } from '../../../shared/privacySchema.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState, formValues } from '../../lib/form.ts';

export function EraseForm(props: { erase: () => Promise<Reply<unknown>> }) {
  const state = createFormState('erase');

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    if (formValues(form).confirm?.trim() !== ERASE_CONFIRMATION) {
      return state.fail(form, { confirm: `Type ${ERASE_CONFIRMATION} in capitals to confirm.` }, '');
    }
    const reply = await state.send(props.erase);
    if (!reply.ok) return state.fail(form, reply.error.fields ?? {}, reply.error.message);
    state.clear();
  }

  return (
    <section class="step" aria-labelledby="erase-heading">
      <h2 id="erase-heading">Erase my profile</h2>
      <p>
        This removes your details, every booth's access to them and your interview requests from this fair's server.
        Booths keep only what they already wrote down or downloaded.
      </p>
      <form onSubmit={submit} novalidate>
        <Field {...state.field('confirm')} label={`Type ${ERASE_CONFIRMATION} to confirm`} autocapitalize="characters" />
        <p role="alert" class="form__message">{state.message()}</p>
        <SubmitButton label="Erase my profile" busyLabel="Erasing…" busy={state.busy()} danger />
      </form>
    </section>
  );
}
