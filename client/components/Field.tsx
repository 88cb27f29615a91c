// A labelled input with its error next to it, tied together for screen readers.
import { Show, type JSX } from 'solid-js';

export interface FieldProps {
  form: string; // prefix that keeps ids unique on pages with several forms
  name: string;
  label: string;
  optional?: boolean;
  hint?: string;
  error?: string;
  value?: string;
  type?: string;
  multiline?: boolean;
  autocomplete?: string;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
  list?: string; // id of a <datalist> with suggestions
  autocapitalize?: JSX.HTMLAttributes<HTMLInputElement>['autocapitalize'];
  onInput?: () => void;
}

export function Field(props: FieldProps) {
  const id = () => `${props.form}-${props.name}`;
  const described = () =>
    [props.hint ? `${id()}-hint` : '', props.error ? `${id()}-error` : ''].filter(Boolean).join(' ') || undefined;
  const shared = () => ({
    id: id(),
    name: props.name,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': described(),
    placeholder: props.placeholder,
    onInput: () => props.onInput?.(),
  });
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <label for={id()}>
        {props.label}
        <Show when={props.optional}>
          <span class="field__optional"> (optional)</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p class="field__hint" id={`${id()}-hint`}>{props.hint}</p>
      </Show>
      <Show
        when={props.multiline}
        fallback={
          <input
            {...shared()}
            type={props.type ?? 'text'}
            value={props.value ?? ''}
            autocomplete={props.autocomplete ?? 'off'}
            inputMode={props.inputmode}
            autocapitalize={props.autocapitalize}
            list={props.list}
          />
        }
      >
        <textarea {...shared()} rows={3} value={props.value ?? ''} />
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${id()}-error`}>{props.error}</p>
      </Show>
    </div>
  );
}
