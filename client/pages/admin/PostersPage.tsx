// /admin/posters — one A4 page per booth: a big QR code, the employer, and the typed short URL.
import { createSignal, For, onMount, Show } from 'solid-js';
import { BOOTH_QR_SVG, pathTo } from '../../../shared/paths.ts';
import type { BoothAdmin, FairInfo } from '../../../shared/protocol.ts';
import { AdminGate } from './AdminGate.tsx';
import { createAdminApi } from './api.ts';
import './posters.css';

export default function PostersPage() {
  return <AdminGate>{(token, onUnauthorized) => <Posters token={token} onUnauthorized={onUnauthorized} />}</AdminGate>;
}

function Posters(props: { token: string; onUnauthorized: () => void }) {
  const api = createAdminApi(props.token);
  const [fair, setFair] = createSignal<FairInfo>();
  const [booths, setBooths] = createSignal<BoothAdmin[]>();
  const [message, setMessage] = createSignal('');

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
  const shortUrl = (booth: BoothAdmin) => `${(fair()?.publicUrl ?? location.origin).replace(/\/+$/, '')}/b/${booth.slug}`;

  return (
    <main class="posters">
      <div class="posters__bar no-print">
        <a href="/admin">Back to the organiser page</a>
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          Print
        </button>
        <p class="muted">One A4 page per booth. Print at 100 % (no “fit to page”).</p>
        <p role="alert" class="form__message">{message()}</p>
      </div>
      <Show when={booths()} fallback={<p class="page muted no-print">{message() ? '' : 'Loading the booths…'}</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="page">No booths yet. Add them on the organiser page first.</p>}>
            <For each={list()}>
              {(booth) => (
                <section class="poster">
                  <p class="poster__fair">{fair()?.name}</p>
                  <h1 class="poster__employer">{booth.employer}</h1>
                  <Show when={booth.booth}>
                    <p class="poster__booth">Booth {booth.booth}</p>
                  </Show>
                  <img class="poster__qr" src={pathTo(BOOTH_QR_SVG, { slug: booth.slug })} alt={`QR code for ${booth.employer}`} />
                  <p class="poster__scan">Scan with your phone's camera to connect</p>
                  <p class="poster__url">
                    or type <span>{shortUrl(booth)}</span>
                  </p>
                </section>
              )}
            </For>
          </Show>
        )}
      </Show>
    </main>
  );
}
