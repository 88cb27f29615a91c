// /rep — the booth's tablet: pair once, then the kiosk face, and the rep view behind the rep's PIN.
import { createSignal, Show } from 'solid-js';
import type { PairResult } from '../../../shared/protocol.ts';
import { PairForm } from './PairForm.tsx';
import { RepDashboard } from './RepDashboard.tsx';
import { readRepToken, writeRepToken } from './token.ts';
import './rep.css';

export default function RepPage() {
  const [token, setToken] = createSignal(readRepToken());
  const [notice, setNotice] = createSignal('');
  // Only right after pairing does the rep view open without the PIN; a reload shows the kiosk face.
  const [justPaired, setJustPaired] = createSignal(false);

  const signOut = (why: string) => {
    writeRepToken('');
    setJustPaired(false);
    setToken('');
    setNotice(why);
  };
  const paired = (result: PairResult) => {
    writeRepToken(result.token);
    setNotice('');
    setJustPaired(true);
    setToken(result.token);
  };

  return (
    <Show when={token()} keyed fallback={<PairForm notice={notice()} onPaired={paired} />}>
      {(t) => (
        <RepDashboard
          token={t}
          unlocked={justPaired()}
          onSignOut={() => signOut('This tablet is signed out. Enter a pairing code to use it again.')}
          onUnauthorized={(message) =>
            signOut(message ?? 'This tablet is no longer paired with a booth. Ask the organiser for the booth’s pairing code.')
          }
        />
      )}
    </Show>
  );
}
