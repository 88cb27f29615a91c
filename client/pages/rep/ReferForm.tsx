// "Refer…": the rep sends the student on — to another booth of the fair, picked from the list, or
// to a colleague who is not at the fair. The student sees it live on their phone; the other booth
// learns nothing until the student shares with it.
import * as v from 'valibot';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { ReferInput } from '../../../shared/boothSchema.ts';
import type { BoothListItem, VisitorCard } from '../../../shared/protocol.ts';
import { parse } from '../../../shared/schema.ts';
import { Field } from '../../components/Field.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import type { RepSession } from './session.ts';

const ReferFields = v.omit(ReferInput, ['id']);
const PICK_A_BOOTH = 'Pick a booth from the list, or refer to a colleague instead.';

/** The same visitor's form can be open on its visitor card and on a request card: ids stay unique. */
let opened = 0;

export const boothLabel = (b: BoothListItem) => (b.booth ? `${b.employer} (booth ${b.booth})` : b.employer);

export function ReferForm(props: {
  visitor: VisitorCard;
  session: Pick<RepSession, 'act' | 'booths' | 'booth'>;
  close: () => void;
}) {
  const prefix = `refer-${++opened}`;
  const state = createFormState(prefix);
  const [kind, setKind] = createSignal<'booth' | 'contact'>('booth');
  const [booths, setBooths] = createSignal<BoothListItem[]>();
  const [query, setQuery] = createSignal('');
  const [picked, setPicked] = createSignal('');
  const [loadError, setLoadError] = createSignal('');

  onMount(async () => {
    const reply = await props.session.booths();
    if (!reply.ok) return setLoadError(reply.error.message);
    setBooths(reply.data.filter((b) => b.slug !== props.session.booth()?.slug));
  });
  const shown = createMemo(() => {
    const q = query().trim().toLowerCase();
    return (booths() ?? []).filter((b) => !q || boothLabel(b).toLowerCase().includes(q) || b.slug === picked());
  });

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const values = formValues(form);
    if (kind() === 'booth' && !picked()) return state.fail(form, { 'to.slug': PICK_A_BOOTH });
    const to = kind() === 'booth'
      ? { kind: 'booth' as const, slug: picked() }
      : { kind: 'contact' as const, name: values['to.name'] ?? '', role: values['to.role'] ?? '', email: values['to.email'] ?? '' };
    const parsed = parse(ReferFields, { introductionId: props.visitor.introductionId, note: values.note ?? '', to });
    if (!parsed.ok) return state.fail(form, parsed.fields);
    const reply = await state.send(() => props.session.act('visitor:refer', parsed.value));
    if (!reply.ok) return state.fail(form, reply.error.fields ?? {}, reply.error.message);
    props.close();
  }

  return (
    <form class="form picker" novalidate onSubmit={submit} aria-label={`Refer ${props.visitor.student.name}`}>
      <p class="picker__title">Refer {props.visitor.student.name} to:</p>
      <fieldset class="choices">
        <legend>Who</legend>
        <label class="choice">
          <input type="radio" name={`${prefix}-kind`} checked={kind() === 'booth'} onChange={() => setKind('booth')} />
          Another booth at the fair
        </label>
        <label class="choice">
          <input type="radio" name={`${prefix}-kind`} checked={kind() === 'contact'} onChange={() => setKind('contact')} />
          A colleague not at the fair
        </label>
      </fieldset>
      <Show
        when={kind() === 'booth'}
        fallback={
          <>
            <Field {...state.field('to.name')} label="Colleague's name" />
            <Field {...state.field('to.role')} label="Role" optional />
            <Field {...state.field('to.email')} label="Colleague's email" type="email" />
          </>
        }
      >
        <div class="field">
          <label for={`${prefix}-search`}>Find a booth</label>
          <input id={`${prefix}-search`} type="search" autocomplete="off" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
        </div>
        <fieldset class="booth-list" aria-describedby={state.field('to.slug').error ? `${prefix}-slug-error` : undefined}>
          <legend>Booth</legend>
          <Show when={booths()} fallback={<p class="muted">{loadError() || "Loading the fair's booths…"}</p>}>
            <Show when={shown().length > 0} fallback={<p class="muted">No booth matches “{query()}”.</p>}>
              <For each={shown()}>
                {(b) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name="to.slug"
                      value={b.slug}
                      checked={picked() === b.slug}
                      onChange={() => (setPicked(b.slug), state.field('to.slug').onInput())}
                    />
                    {boothLabel(b)}
                  </label>
                )}
              </For>
            </Show>
          </Show>
          <Show when={state.field('to.slug').error}>
            <p class="field__error" id={`${prefix}-slug-error`}>{state.field('to.slug').error}</p>
          </Show>
        </fieldset>
      </Show>
      <Field {...state.field('note')} label="Note for the student" optional multiline hint="For example: “Ask for Priya, she leads the data team.”" />
      <p role="alert" class="form__message">{state.message()}</p>
      <div class="actions">
        <SubmitButton label="Refer" busyLabel="Sending…" busy={state.busy()} />
        <button type="button" class="button" onClick={() => props.close()}>
          Back
        </button>
      </div>
    </form>
  );
}
