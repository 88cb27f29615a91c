// The poster at the fair's entrance: the fair's name, the Wi-Fi to join with its code, and every
// booth by number. Hundreds of booths flow in columns over as many pages as they need.
import { For, Show } from 'solid-js';
import { pathTo, WIFI_QR_SVG } from '../../../shared/paths.ts';
import type { BoothAdmin, FairInfo } from '../../../shared/protocol.ts';

export function EntrancePoster(props: { fair: FairInfo | undefined; booths: BoothAdmin[]; size: 'A4' | 'A3' }) {
  const wifi = () => props.fair?.wifi;
  return (
    <section class="entrance" classList={{ 'entrance--a3': props.size === 'A3' }} aria-labelledby="entrance-fair">
      <h1 class="entrance__fair" id="entrance-fair">{props.fair?.name}</h1>
      <div class="entrance__join">
        <Show
          when={wifi()}
          fallback={<p class="entrance__step">Scan the code on each booth's poster with your phone's camera to connect with the employer.</p>}
        >
          {(net) => (
            <>
              {/* Any booth's address serves: the Wi-Fi code is the fair's, not the booth's. */}
              <Show when={props.booths[0]}>
                {(first) => <img class="entrance__wifi-qr" src={pathTo(WIFI_QR_SVG, { slug: first().slug })} alt={`Wi-Fi code to join ${net().ssid}`} />}
              </Show>
              <div>
                <p class="entrance__step">1. Join Wi-Fi <span class="entrance__ssid">{net().ssid}</span></p>
                <Show when={net().password}>
                  <p class="entrance__password">Password: <span>{net().password}</span></p>
                </Show>
                <p class="entrance__step">2. Scan the code on each booth's poster with your phone's camera to connect with the employer.</p>
              </div>
            </>
          )}
        </Show>
      </div>
      <h2 class="entrance__heading">Booths</h2>
      <Show when={props.booths.length > 0} fallback={<p>No booths yet. Add them on the organiser page first.</p>}>
        <ul class="entrance__booths">
          <For each={props.booths}>
            {(booth) => (
              <li>
                <span class="entrance__number">{booth.booth || '–'}</span> {booth.employer}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
