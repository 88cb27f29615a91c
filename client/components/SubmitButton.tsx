// A form's main button: disabled while the form is sending, and saying so.

export function SubmitButton(props: { label: string; busyLabel: string; busy: boolean; danger?: boolean }) {
  return (
    <button type="submit" class={props.danger ? 'button button--danger' : 'button button--primary'} disabled={props.busy}>
      {props.busy ? props.busyLabel : props.label}
    </button>
  );
}
