// One booth's paired tablets, a line each; the organiser can sign one out (a lost or handed-on tablet).
// Signed-out tablets stay listed, quieter, so the organiser sees when and how each one left.
import { For, Show } from 'solid-js';
import type { BoothAdmin, PairedTablet } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';

export function TabletList(props: { booth: BoothAdmin; revoke: (tablet: PairedTablet) => void }) {
  const at = (iso: string) => clock(iso, props.booth.timeZone);
  return (
    <Show when={props.booth.tablets.length > 0} fallback={<span class="muted">None paired</span>}>
      <ul class="tablets" aria-label={`Tablets of ${props.booth.employer}`}>
        <For each={props.booth.tablets}>
          {(tablet) => (
            <li data-testid="tablet" classList={{ 'tablets__gone': Boolean(tablet.revokedAt) }}>
              <span>
                {tablet.name}
                <Show when={tablet.title}>{(title) => <span class="muted">, {title()}</span>}</Show>
              </span>{' '}
              <Show
                when={tablet.revokedAt}
                fallback={
                  <>
                    <span class="muted">paired {at(tablet.pairedAt)}</span>{' '}
                    <button
                      type="button"
                      class="button button--small"
                      onClick={() => props.revoke(tablet)}
                      aria-label={`Revoke ${tablet.name}'s tablet at ${props.booth.employer}`}
                    >
                      Revoke
                    </button>
                  </>
                }
              >
                {(revokedAt) => (
                  <span class="muted">{tablet.signedOut ? 'signed out' : 'revoked by the organiser'} {at(revokedAt())}</span>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
