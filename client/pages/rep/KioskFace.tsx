// The tablet's public face: what a passer-by may see. The booth, its QR code, its status and how
// many are waiting — and nothing of any student (no name, email, phone or note), because the
// tablet stands on an open table. Read from two metres, so everything is large.
import { Show } from 'solid-js';
import type { BoothPublic } from '../../../shared/protocol.ts';
import { BOOTH_QR_SVG, pathTo } from '../../../shared/paths.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

const waitingSentence = (n: number) =>
  n === 0 ? 'No one is waiting for an interview' : n === 1 ? '1 person is waiting for an interview' : `${n} people are waiting for an interview`;

export function KioskFace(props: {
  booth: BoothPublic | undefined;
  /** Requests waiting for an answer (a count only). */
  waiting: number;
  loadError: string;
  onWalkUp: () => void;
  onRepView: () => void;
}) {
  return (
    <main class="kiosk" data-testid="kiosk-face">
      <Show when={props.booth} fallback={<h1>{props.loadError || 'Loading the booth…'}</h1>}>
        {(booth) => (
          <>
            <p class="kiosk__fair">{booth().fairName}</p>
            <h1 class="kiosk__employer">{booth().employer}</h1>
            <Show when={booth().booth}>
              <p class="kiosk__booth">Booth {booth().booth}</p>
            </Show>
            <img
              class="kiosk__qr"
              src={pathTo(BOOTH_QR_SVG, { slug: booth().slug })}
              width="320"
              height="320"
              alt={`QR code for ${booth().employer}'s booth page. Scan it with your phone's camera.`}
            />
            <p class="kiosk__call">Scan to share your details or ask for an interview</p>
            <p class="kiosk__status">
              <StatusBadge status={booth().status} />
              <span data-testid="kiosk-waiting">{waitingSentence(props.waiting)}</span>
            </p>
            <div class="kiosk__actions">
              <button type="button" class="button button--primary kiosk__walkup" onClick={() => props.onWalkUp()}>
                No phone? Leave your details here
              </button>
              <button type="button" class="button kiosk__rep" onClick={() => props.onRepView()}>
                Rep view
              </button>
            </div>
          </>
        )}
      </Show>
    </main>
  );
}
