// "Download our booth's leads": the booth's package (introductions as CSV and XLSX with the booth's
// notes, contact cards, interviews), for this tablet's booth only. Shown in the rep view, behind the PIN.
import { createSignal } from 'solid-js';
import { REP_PACKAGE } from '../../../shared/api.ts';
import { downloadWithToken } from '../../lib/download.ts';
import { readRepToken } from './token.ts';

export function LeadsDownload() {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal('');

  async function download() {
    setBusy(true);
    setMessage('');
    const reply = await downloadWithToken(REP_PACKAGE, readRepToken(), 'leads.zip');
    setBusy(false);
    if (!reply.ok) setMessage(reply.error.message);
  }

  return (
    <>
      <button type="button" class="button" disabled={busy()} onClick={download}>
        {busy() ? 'Preparing the leads…' : "Download our booth's leads"}
      </button>
      <p role="alert" class="form__message">{message()}</p>
    </>
  );
}
