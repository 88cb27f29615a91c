// Small helpers shared by every form: read the values, show errors, move focus to the first one.
import type { FieldErrors } from '../../shared/schema.ts';

/** The form's text values by input name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    if (typeof value === 'string') values[name] = value;
  });
  return values;
}

/** Moves focus to the first field that has an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLFormElement, fields: FieldErrors): void {
  const first = Array.from(form.elements).find(
    (el): el is HTMLInputElement => el instanceof HTMLElement && 'name' in el && (el as HTMLInputElement).name in fields,
  );
  first?.focus();
}

/** Removes one field's error once the person edits that field. */
export const without = (fields: FieldErrors, name: string): FieldErrors => {
  if (!(name in fields)) return fields;
  const { [name]: _gone, ...rest } = fields;
  return rest;
};
