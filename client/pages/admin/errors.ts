import type { FieldErrors } from '../../../shared/schema.ts';

/** Field errors keyed by the form's input names ("windows.0.start" → "windows"), first message kept. */
export function byInput(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const name = path.split('.')[0]!;
    out[name] ??= message;
  }
  return out;
}
