// Shows the organiser pages only with a token; explains how to get one otherwise.
import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { forgetAdminToken, takeAdminToken } from './token.ts';

const EXPIRED = 'That organiser link is not valid (any more). Open the organiser link that the server printed in its terminal.';

export function AdminGate(props: { children: (token: string, onUnauthorized: () => void) => JSX.Element }) {
  const [token, setToken] = createSignal(takeAdminToken());
  const [notice, setNotice] = createSignal('');
  // A link pasted into an open tab changes only the fragment: no reload, so listen for it.
  const onHashChange = () => {
    if (!location.hash.includes('token=')) return;
    setNotice('');
    setToken(takeAdminToken());
  };
  window.addEventListener('hashchange', onHashChange);
  onCleanup(() => window.removeEventListener('hashchange', onHashChange));
  const unauthorized = () => {
    forgetAdminToken();
    setNotice(EXPIRED);
    setToken('');
  };
  return (
    <Show
      when={token()}
      keyed
      fallback={
        <main class="page">
          <h1>Organiser page</h1>
          <p role="alert" class="form__message">{notice()}</p>
          <p>
            This page needs the organiser link. When the Boothlink server starts, its terminal prints the link
            (it ends in <code>/admin#token=…</code>) and a QR code of it. Open that link on this device.
          </p>
        </main>
      }
    >
      {(t) => props.children(t, unauthorized)}
    </Show>
  );
}
