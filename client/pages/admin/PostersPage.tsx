// /admin/posters — what the organiser prints: one A4 page per booth (a big QR code, the employer,
// the typed short URL and, once the venue Wi-Fi is set, its join code beside the booth's), or the
// fair-entrance poster (A4 or A3) with the Wi-Fi code and the list of booths.
import { createSignal, For, onMount, Show } from 'solid-js';
import { BOOTH_QR_SVG, pathTo, WIFI_QR_SVG } from '../../../shared/paths.ts';
import type { BoothAdmin, FairInfo } from '../../../shared/protocol.ts';
import { AdminGate } from './AdminGate.tsx';
import { createAdminApi } from './api.ts';
import { EntrancePoster } from './EntrancePoster.tsx';
import './posters.css';

export default function PostersPage() {
  return <AdminGate>{(token, onUnauthorized) => <Posters token={token} onUnauthorized={onUnauthorized} />}</AdminGate>;
}

type Kind = 'booths' | 'entrance-a4' | 'entrance-a3';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'booths', label: 'Booth posters (A4, one per booth)' },
  { value: 'entrance-a4', label: 'Entrance poster, A4' },
  { value: 'entrance-a3', label: 'Entrance poster, A3' },
];

function Posters(props: { token: string; onUnauthorized: () => void }) {
  const api = createAdminApi(props.token);
  const [fair, setFair] = createSignal<FairInfo>();
  const [booths, setBooths] = createSignal<BoothAdmin[]>();
  const [message, setMessage] = createSignal('');
  const [kind, setKind] = createSignal<Kind>('booths');

  onMount(async () => {
    const [fairReply, boothsReply] = await Promise.all([api.fair(), api.booths()]);
    for (const reply of [fairReply, boothsReply]) {
      if (reply.ok) continue;
      if (reply.error.code === 'UNAUTHORIZED') return props.onUnauthorized();
      setMessage(reply.error.message);
    }
    if (fairReply.ok) setFair(fairReply.data);
    if (boothsReply.ok) setBooths(boothsReply.data);
  });
  const origin = () => (fair()?.publicUrl ?? location.origin).replace(/\/+$/, '');
  const shortUrl = (booth: BoothAdmin) => `${origin()}/b/${booth.slug}`;
  const wifi = () => fair()?.wifi;

  return (
    <main class="posters">
      <div class="posters__bar no-print">
        <a href="/admin">Back to the organiser page</a>
        <fieldset class="posters__kind">
          <legend>Print</legend>
          <For each={KINDS}>
            {(option) => (
              <label>
                <input type="radio" name="poster-kind" value={option.value} checked={kind() === option.value} onChange={() => setKind(option.value)} />
                {option.label}
              </label>
            )}
          </For>
        </fieldset>
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          Print
        </button>
        <p class="muted">
          {kind() === 'booths' ? 'One A4 page per booth.' : `The entrance poster on ${kind() === 'entrance-a3' ? 'A3' : 'A4'}; a long list of booths goes on over more pages.`}{' '}
          Print at 100 % (no “fit to page”).
        </p>
        <Show when={fair() && !wifi()}>
          <p class="posters__hint">
            No venue Wi-Fi is set, so the posters carry no Wi-Fi code. Students on mobile data cannot reach this server: add the
            Wi-Fi in the fair settings on the <a href="/admin">organiser page</a>.
          </p>
        </Show>
        <p role="alert" class="form__message">{message()}</p>
      </div>
      <Show when={booths()} fallback={<p class="page muted no-print">{message() ? '' : 'Loading the booths…'}</p>}>
        {(list) => (
          <Show
            when={kind() === 'booths'}
            fallback={<EntrancePoster fair={fair()} booths={list()} size={kind() === 'entrance-a3' ? 'A3' : 'A4'} />}
          >
            <Show when={list().length > 0} fallback={<p class="page">No booths yet. Add them on the organiser page first.</p>}>
              <For each={list()}>
                {(booth) => (
                  <section class="poster" classList={{ 'poster--wifi': !!wifi() }}>
                    <p class="poster__fair">{fair()?.name}</p>
                    <h1 class="poster__employer">{booth.employer}</h1>
                    <Show when={booth.booth}>
                      <p class="poster__booth">Booth {booth.booth}</p>
                    </Show>
                    <Show
                      when={wifi()}
                      fallback={
                        <>
                          <img class="poster__qr" src={pathTo(BOOTH_QR_SVG, { slug: booth.slug })} alt={`QR code for ${booth.employer}`} />
                          <p class="poster__scan">Scan with your phone's camera to connect</p>
                        </>
                      }
                    >
                      {(net) => (
                        <div class="poster__steps">
                          <div class="poster__step">
                            <p class="poster__step-title">1. Join Wi-Fi <span class="poster__ssid">{net().ssid}</span></p>
                            <img class="poster__wifi-qr" src={pathTo(WIFI_QR_SVG, { slug: booth.slug })} alt={`Wi-Fi code to join ${net().ssid}`} />
                            <Show when={net().password}>
                              <p class="poster__password">Password: <span>{net().password}</span></p>
                            </Show>
                          </div>
                          <div class="poster__step">
                            <p class="poster__step-title">2. Scan</p>
                            <img class="poster__qr poster__qr--beside" src={pathTo(BOOTH_QR_SVG, { slug: booth.slug })} alt={`QR code for ${booth.employer}`} />
                            <p class="poster__step-note">with your phone's camera to connect</p>
                          </div>
                        </div>
                      )}
                    </Show>
                    <p class="poster__url">
                      or type <span>{shortUrl(booth)}</span>
                    </p>
                  </section>
                )}
              </For>
            </Show>
          </Show>
        )}
      </Show>
    </main>
  );
}
