// The venue Wi-Fi the posters tell students to join: name, password, security. Left empty, the
// posters carry no Wi-Fi code.
import { For } from 'solid-js';
import type { FairInfo, FairSettings } from '../../../shared/protocol.ts';
import type { FieldErrors } from '../../../shared/schema.ts';
import { Field, type FieldProps } from '../../components/Field.tsx';

type FieldOf = (name: string) => Pick<FieldProps, 'form' | 'name' | 'error' | 'onInput'>;

const SECURITY = [
  { value: '', label: 'Worked out: WPA with a password, open without' },
  { value: 'WPA', label: 'WPA, WPA2 or WPA3 (most venues)' },
  { value: 'WEP', label: 'WEP (old networks)' },
  { value: 'nopass', label: 'Open network, no password' },
] as const;

/** The form's inputs → the settings' `wifi`: none when the name is left empty. */
export function wifiFromForm(values: Record<string, string>): FairSettings['wifi'] | null {
  const ssid = values.wifiSsid ?? '';
  const password = values.wifiPassword ?? '';
  const security = values.wifiSecurity ?? '';
  if (!ssid.trim() && !password && !security) return null; // null clears a Wi-Fi saved before
  return { ssid, ...(password && { password }), ...(security && { security }) } as FairSettings['wifi'];
}

/** The server's field names ("wifi.ssid") → this form's inputs ("wifiSsid"). */
export function wifiErrors(fields: FieldErrors): FieldErrors {
  const input: Record<string, string> = { 'wifi.ssid': 'wifiSsid', 'wifi.password': 'wifiPassword', 'wifi.security': 'wifiSecurity', wifi: 'wifiSsid' };
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [input[key] ?? key, message]));
}

export function WifiFields(props: { initial: FairInfo; field: FieldOf }) {
  const security = () => props.field('wifiSecurity');
  return (
    <fieldset class="fieldset">
      <legend>Venue Wi-Fi, for the posters</legend>
      <p class="field__hint">Students join it by scanning the Wi-Fi code on each poster. Leave the name empty for posters without Wi-Fi.</p>
      <Field {...props.field('wifiSsid')} label="Wi-Fi name" optional value={props.initial.wifi?.ssid ?? ''} hint="Exactly as phones list it." />
      <Field {...props.field('wifiPassword')} label="Wi-Fi password" optional value={props.initial.wifi?.password ?? ''} hint="Printed on the posters beside the code." />
      <div class="field" classList={{ 'field--error': !!security().error }}>
        <label for="fair-wifiSecurity">Wi-Fi security</label>
        <select
          id="fair-wifiSecurity"
          name="wifiSecurity"
          aria-invalid={security().error ? 'true' : undefined}
          aria-describedby={security().error ? 'fair-wifiSecurity-error' : undefined}
          onChange={() => security().onInput?.()}
        >
          <For each={SECURITY}>
            {(option) => (
              <option value={option.value} selected={option.value === (props.initial.wifi?.security ?? '')}>
                {option.label}
              </option>
            )}
          </For>
        </select>
        {security().error && <p class="field__error" id="fair-wifiSecurity-error">{security().error}</p>}
      </div>
    </fieldset>
  );
}
