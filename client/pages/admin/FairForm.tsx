// Fair settings: name, date, time zone, interview windows and slot length.
import { createSignal, For, untrack } from 'solid-js';
import type { FairInfo, FairSettings, Reply } from '../../../shared/protocol.ts';
import { Field } from '../../components/Field.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import { textToWindows, windowsToText } from './windows.ts';
import { byInput } from './errors.ts';

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function FairForm(props: { fair: FairInfo; save: (fair: FairSettings) => Promise<Reply<FairInfo>> }) {
  const [saved, setSaved] = createSignal('');
  const state = createFormState('fair', () => setSaved(''));
  const initial = untrack(() => props.fair);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setSaved('');
    const values = formValues(form);
    const windows = textToWindows(values.windows ?? '');
    if (!windows.ok) return state.fail(form, { windows: windows.message });
    // The server parses this with FairInput (see PairForm for why the client does not).
    const settings = { ...values, windows: windows.windows, slotMinutes: Number(values.slotMinutes) } as FairSettings;
    const reply = await props.save(settings);
    if (!reply.ok) return state.fail(form, byInput(reply.error.fields ?? {}), reply.error.message);
    state.clear();
    setSaved('Fair settings saved.');
  }

  return (
    <form class="form form--grid" novalidate onSubmit={submit}>
      <Field {...state.field('name')} label="Fair name" value={initial.name} />
      <Field {...state.field('date')} label="Date" type="date" value={initial.date} />
      <Field {...state.field('timeZone')} label="Time zone" value={initial.timeZone} list="time-zones" hint="Like Europe/Berlin." />
      <datalist id="time-zones">
        <For each={ZONES}>{(zone) => <option value={zone} />}</For>
      </datalist>
      <Field
        {...state.field('windows')}
        label="Interview windows"
        value={windowsToText(initial.windows)}
        hint="Times of day for interviews, comma-separated, like 13:00-17:00, 18:00-19:00."
      />
      <Field {...state.field('slotMinutes')} label="Slot length (minutes)" value={String(initial.slotMinutes ?? 20)} inputmode="numeric" />
      <p role="alert" class="form__message">{state.message()}</p>
      <p role="status" class="form__ok">{saved()}</p>
      <div>
        <button type="submit" class="button button--primary">Save fair settings</button>
      </div>
    </form>
  );
}
