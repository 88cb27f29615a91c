// The paired tablet. Its default face is the kiosk face (public: no student's data); the rep view
// opens behind the rep's PIN and gives way to the kiosk face again after a minute without a touch.
// One session for both faces, so the kiosk face's count stays live and unlocking needs no reload.
import { createEffect, createSignal, Match, onCleanup, Switch } from 'solid-js';
import { createRepSession } from './session.ts';
import { KioskFace } from './KioskFace.tsx';
import { PinEntry } from './PinEntry.tsx';
import { RepView } from './RepView.tsx';
import { WalkUpForm } from './WalkUpForm.tsx';
import { createIdleTimer } from './idle.ts';
import { armChime } from './chime.ts';

/** kiosk: the public face. pin: typing the PIN. walkUp: a visitor's form (from the kiosk face or the rep view). */
type Screen = 'kiosk' | 'pin' | 'walkUp' | 'rep' | 'repWalkUp';

export function RepDashboard(props: {
  token: string;
  /** Just paired: the rep proved who they are, so the rep view opens at once. */
  unlocked?: boolean;
  onSignOut: () => void;
  onUnauthorized: (message?: string) => void;
}) {
  const session = createRepSession(props.token, (message) => props.onUnauthorized(message));
  const [screen, setScreen] = createSignal<Screen>(props.unlocked ? 'rep' : 'kiosk');
  const waiting = () => session.requests().filter((r) => r.status === 'pending').length;
  const employer = () => session.booth()?.employer ?? '';

  // Anything but the kiosk face (the rep view, a PIN half typed, a visitor's half-filled form)
  // gives way to it after a minute without a touch. The effect restarts the timer on each screen.
  createEffect(() => {
    if (screen() !== 'kiosk') createIdleTimer(() => setScreen('kiosk'));
  });
  // A chime reveals nothing, so it sounds on the kiosk face too.
  onCleanup(armChime());
  createEffect(() => {
    const name = employer() || 'Boothlink';
    document.title = waiting() ? `(${waiting()}) ${name} · Boothlink` : `${name} · Boothlink`;
  });
  onCleanup(() => (document.title = 'Boothlink'));

  return (
    <Switch>
      <Match when={screen() === 'kiosk'}>
        <KioskFace
          booth={session.booth()}
          waiting={waiting()}
          loadError={session.loadError()}
          onWalkUp={() => setScreen('walkUp')}
          onRepView={() => setScreen(session.hasPin() ? 'pin' : 'rep')}
        />
      </Match>
      <Match when={screen() === 'pin'}>
        <PinEntry unlock={session.unlock} onUnlocked={() => setScreen('rep')} onBack={() => setScreen('kiosk')} />
      </Match>
      <Match when={screen() === 'walkUp' || screen() === 'repWalkUp'}>
        <WalkUpForm
          employer={employer()}
          act={session.act}
          heading={screen() === 'repWalkUp' ? 'Add a walk-up visitor' : undefined}
          onDone={() => setScreen(screen() === 'repWalkUp' ? 'rep' : 'kiosk')}
        />
      </Match>
      <Match when={screen() === 'rep'}>
        <RepView session={session} onKiosk={() => setScreen('kiosk')} onWalkUp={() => setScreen('repWalkUp')} onSignedOut={props.onSignOut} />
      </Match>
    </Switch>
  );
}
