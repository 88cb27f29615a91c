// The booth's short list of tags ("intern", "graduate", "follow up"), which its reps pick a
// visitor's tags from. Every tablet of the booth gets the new list live.
import { untrack } from 'solid-js';
import { MAX_TAGS } from '../../../shared/boothSchema.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import type { RepSession } from './session.ts';

/** "intern, graduate\nfollow up" → each tag once, in the order typed. */
export const splitTags = (text: string) => [...new Set(text.split(/[,\n]/).map((t) => t.trim()).filter(Boolean))];

export function TagListEditor(props: { tags: string[]; act: RepSession['act']; close: () => void }) {
  const state = createFormState('booth-tags');
  const initial = untrack(() => props.tags.join('\n'));

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const reply = await state.send(() => props.act('booth:tags', { tags: splitTags(formValues(form).tags ?? '') }));
    // The server names a bad tag by its place in the list ("tags.3"); the sentence says what to change.
    if (!reply.ok) return state.fail(form, { tags: reply.error.message }, '');
    props.close();
  }

  return (
    <form class="form picker" novalidate onSubmit={submit} aria-label="The booth's tags">
      <Field
        {...state.field('tags')}
        value={initial}
        multiline
        label="The booth's tags"
        hint={`One per line, or separated by commas; at most ${MAX_TAGS}. Reps pick a visitor's tags from this list.`}
      />
      <div class="actions">
        <SubmitButton label="Save tags" busyLabel="Saving…" busy={state.busy()} />
        <button type="button" class="button" onClick={() => props.close()}>
          Back
        </button>
      </div>
    </form>
  );
}
