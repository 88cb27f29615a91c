// /rep — the booth's tablet: pair once, then the live queue of requests and visitors.
import { createSignal, Show } from 'solid-js';
import type { PairResult } from '../../../shared/protocol.ts';
import { PairForm } from './PairForm.tsx';
import { RepDashboard } from './RepDashboard.tsx';
import { readRepToken, writeRepToken } from './token.ts';
import './rep.css';

export default function RepPage() {
  const [token, setToken] = createSignal(readRepToken());
  const [notice, setNotice] = createSignal('');

  const signOut = (why: string) => {
    writeRepToken('');
    setToken('');
    setNotice(why);
  };
  const paired = (result: PairResult) => {
    writeRepToken(result.token);
    setNotice('');
    setToken(result.token);
  };

  return (
    <Show when={token()} keyed fallback={<PairForm notice={notice()} onPaired={paired} />}>
      {(t) => (
        <RepDashboard
          token={t}
          onSignOut={() => signOut('This tablet is signed out. Enter a pairing code to use it again.')}
          onUnauthorized={(message) =>
            signOut(message ?? 'This tablet is no longer paired with a booth. Ask the organiser for the booth’s pairing code.')
          }
        />
      )}
    </Show>
  );
}
