// Every booth with its student link, pairing code and tablets; a code can be reset if it leaked,
// a tablet revoked if it was lost.
import { createSignal, For, Show } from 'solid-js';
import type { AdminStats, BoothAdmin, PairedTablet, Reply } from '../../../shared/protocol.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { TabletList } from './TabletList.tsx';

export function BoothTable(props: {
  booths: BoothAdmin[];
  stats?: AdminStats;
  resetCode: (boothId: string) => Promise<Reply<BoothAdmin>>;
  revokeTablet: (boothId: string, repId: string) => Promise<Reply<BoothAdmin>>;
  onChanged: (booth: BoothAdmin) => void;
}) {
  const [message, setMessage] = createSignal('');
  const live = (booth: BoothAdmin) => props.stats?.booths.find((b) => b.id === booth.id);

  async function reset(booth: BoothAdmin) {
    const reply = await props.resetCode(booth.id);
    if (!reply.ok) return setMessage(reply.error.message);
    setMessage(`New pairing code for ${reply.data.employer}: ${reply.data.pairingCode}`);
    props.onChanged(reply.data);
  }

  async function revoke(booth: BoothAdmin, tablet: PairedTablet) {
    const sure = confirm(`Sign out ${tablet.name}'s tablet at ${booth.employer}? It will need the pairing code again.`);
    if (!sure) return;
    const reply = await props.revokeTablet(booth.id, tablet.id);
    if (!reply.ok) return setMessage(reply.error.message);
    setMessage(`${tablet.name}'s tablet at ${reply.data.employer} is signed out.`);
    props.onChanged(reply.data);
  }

  return (
    <>
      <p role="status" class="form__ok">{message()}</p>
      <Show when={props.booths.length > 0} fallback={<p class="muted">No booths yet. Add one or import a CSV.</p>}>
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Booth</th>
                <th scope="col">Employer</th>
                <th scope="col">Student page</th>
                <th scope="col">Status</th>
                <th scope="col">Pairing code</th>
                <th scope="col">Tablets</th>
                <th scope="col">Introductions</th>
                <th scope="col">Requests</th>
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              <For each={props.booths}>
                {(booth) => (
                  <tr data-testid="booth-row">
                    <td>{booth.booth}</td>
                    <th scope="row">{booth.employer}</th>
                    <td>
                      <a href={`/b/${booth.slug}`}>/b/{booth.slug}</a>
                    </td>
                    <td>
                      <StatusBadge status={booth.status} />
                    </td>
                    <td data-testid="pairing-code">
                      <code>{booth.pairingCode}</code>
                    </td>
                    <td>
                      <TabletList booth={booth} revoke={(tablet) => void revoke(booth, tablet)} />
                    </td>
                    <td>{live(booth)?.introductions ?? booth.introductions}</td>
                    <td>
                      <Show when={live(booth)} fallback="–">
                        {(s) => `${s().pending} waiting, ${s().accepted} accepted`}
                      </Show>
                    </td>
                    <td>
                      <button type="button" class="button button--small" onClick={() => reset(booth)} aria-label={`Reset code for ${booth.employer}`}>
                        Reset code
                      </button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}
