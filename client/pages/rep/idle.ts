// The rep view goes back to the kiosk face after a minute nobody touched the tablet, so a rep who
// walks away leaves no student's details on an open table.
import { onCleanup } from 'solid-js';

export const REP_IDLE_MS = 60_000;
/** What counts as the rep still being there: a touch, a key, typing (an on-screen keyboard sends input). */
const ACTIVITY = ['pointerdown', 'keydown', 'input'] as const;

/** Calls `onIdle` once `idleMs` pass with no activity on the page; stops with the owner's cleanup. */
export function createIdleTimer(onIdle: () => void, idleMs = REP_IDLE_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, idleMs);
  };
  // Capture: a control that stops the event's propagation still counts as a touch.
  for (const type of ACTIVITY) window.addEventListener(type, restart, { capture: true, passive: true });
  restart();
  onCleanup(() => {
    clearTimeout(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, restart, { capture: true });
  });
}
