// The posters and QR codes carry the server's public address: one that means "this laptop" is
// never reached by a phone, so the organiser hears it before printing.
import { Show } from 'solid-js';
import { isLoopbackUrl } from './fairCalendar.ts';

export function LoopbackWarning(props: { publicUrl: string }) {
  return (
    <Show when={isLoopbackUrl(props.publicUrl)}>
      <div class="notice notice--warn" role="note" aria-labelledby="loopback-heading">
        <p id="loopback-heading" class="notice__title">Phones cannot reach {props.publicUrl}</p>
        <p>
          That address is this laptop itself, and it is the one the posters and QR codes carry. Restart the server with the
          laptop's address on the venue Wi-Fi: <code>PUBLIC_URL=http://&lt;that address&gt;:8080 npm start</code> (the terminal
          lists the laptop's addresses when it starts). Then print the posters.
        </p>
      </div>
    </Show>
  );
}
