// Fair settings: name, date, time zone, interview windows and slot length; the venue Wi-Fi for
// the posters; how long personal data is kept. Above them, what the organiser must know first: an
// address phones cannot reach, a fair whose interview windows are already over.
import { createSignal, For, untrack } from 'solid-js';
import type { FairInfo, FairSettings, Reply } from '../../../shared/protocol.ts';
import { Field } from '../../components/Field.tsx';
import { createFormState, formValues } from '../../lib/form.ts';
import { textToWindows, windowsToText } from './windows.ts';
import { byInput } from './errors.ts';
import { longDate, setSavedFair, settingsOf } from './fairCalendar.ts';
import { LateFairNotice } from './LateFairNotice.tsx';
import { LoopbackWarning } from './LoopbackWarning.tsx';
import { wifiErrors, wifiFromForm, WifiFields } from './WifiFields.tsx';
import './fairForm.css';

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function FairForm(props: { fair: FairInfo; save: (fair: FairSettings) => Promise<Reply<FairInfo>> }) {
  const [saved, setSaved] = createSignal('');
  const state = createFormState('fair', () => setSaved(''));
  const initial = untrack(() => props.fair);
  let formElement: HTMLFormElement | undefined;

  const save = async (settings: FairSettings) => {
    const reply = await props.save(settings);
    if (reply.ok) setSavedFair(reply.data);
    return reply;
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setSaved('');
    const values = formValues(form);
    const windows = textToWindows(values.windows ?? '');
    if (!windows.ok) return state.fail(form, { windows: windows.message });
    // The server parses this with FairInput (see PairForm for why the client does not).
    const settings = {
      name: values.name, date: values.date, timeZone: values.timeZone, windows: windows.windows, slotMinutes: Number(values.slotMinutes),
      wifi: wifiFromForm(values), retentionDays: values.retentionDays?.trim() ? Number(values.retentionDays) : undefined,
    } as FairSettings;
    const reply = await save(settings);
    if (!reply.ok) return state.fail(form, byInput(wifiErrors(reply.error.fields ?? {})), reply.error.message);
    state.clear();
    setSaved('Fair settings saved.');
  }

  /** "Move the fair to …": the saved settings with the next day, and the date field shows it. */
  async function moveTo(date: string) {
    setSaved('');
    const reply = await save({ ...settingsOf(props.fair), date });
    if (reply.ok) {
      const dateInput = formElement?.elements.namedItem('date');
      if (dateInput instanceof HTMLInputElement) dateInput.value = date;
      setSaved(`The fair is now on ${longDate(date)}.`);
    }
    return reply;
  }

  return (
    <div class="fair-settings">
      <LoopbackWarning publicUrl={props.fair.publicUrl} />
      <LateFairNotice fair={props.fair} move={moveTo} />
      <form class="form form--grid" novalidate onSubmit={submit} ref={formElement}>
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
        <WifiFields initial={initial} field={state.field} />
        <Field
          {...state.field('retentionDays')}
          label="Keep personal data for (days after the fair)"
          value={String(initial.retentionDays)}
          inputmode="numeric"
          hint={`Then the server purges it by itself. Now: on ${longDate(props.fair.retentionDate)}.`}
        />
        <p role="alert" class="form__message">{state.message()}</p>
        <p role="status" class="form__ok">{saved()}</p>
        <div>
          <button type="submit" class="button button--primary">Save fair settings</button>
        </div>
      </form>
    </div>
  );
}
