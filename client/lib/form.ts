// What every form shares: read the values, show errors next to their fields, move focus to the first one.
import { createSignal } from 'solid-js';
import type { FieldErrors } from '../../shared/schema.ts';

const CORRECT_FIELDS_MESSAGE = 'Please correct the marked fields.';

/** The form's text values by input name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string') values[name] = value;
  });
  return values;
}

/** Removes one field's error once the person edits that field. */
export const without = (fields: FieldErrors, name: string): FieldErrors => {
  if (!(name in fields)) return fields;
  const { [name]: _gone, ...rest } = fields;
  return rest;
};

/** Moves focus to the first field that has an error, so keyboard and screen-reader users land on it. */
function focusFirstError(form: HTMLFormElement, fields: FieldErrors): void {
  const first = Array.from(form.elements).find(
    (el): el is HTMLInputElement => el instanceof HTMLElement && 'name' in el && (el as HTMLInputElement).name in fields,
  );
  first?.focus();
}

/**
 * One form's errors by field, its message and its busy flag. `formId` prefixes the fields' ids;
 * `onEdit` runs whenever the person types in a field (forms use it to hide "saved").
 */
export function createFormState(formId: string, onEdit?: () => void) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  /** The props a <Field> needs from the form: its ids, its error, and clearing that error on edit. */
  const field = (name: string) => ({
    form: formId,
    name,
    error: errors()[name],
    onInput: () => {
      setErrors(without(errors(), name));
      onEdit?.();
    },
  });

  /** Marks the fields, says what went wrong and moves focus to the first marked field. */
  function fail(form: HTMLFormElement, fields: FieldErrors, text = CORRECT_FIELDS_MESSAGE) {
    setErrors(fields);
    setMessage(text);
    focusFirstError(form, fields);
  }

  /** Clears the errors and the message, once the input was accepted. */
  function clear() {
    setErrors({});
    setMessage('');
  }

  /** Runs one request (it answers a Reply, never throws) with the form busy, so it is not sent twice. */
  async function send<T>(request: () => Promise<T>): Promise<T> {
    setBusy(true);
    const reply = await request();
    setBusy(false);
    return reply;
  }

  return { message, busy, field, fail, clear, send };
}
