// "Accept…" and "Propose another time…": the booth's free slots as buttons; choosing one books it,
// or offers it to the student to confirm.
import { createSignal, For, onMount, Show } from 'solid-js';
import type { RequestCard, Slot } from '../../../shared/protocol.ts';
import { call } from '../../lib/socket.ts';
import { slotRange } from '../../../shared/time.ts';
import type { RepSession } from './session.ts';
import { createAnswer } from './answer.ts';

export function SlotPicker(props: {
  request: RequestCard;
  session: RepSession;
  timeZone: string;
  close: () => void;
  event: 'request:accept' | 'request:propose';
}) {
  const [slots, setSlots] = createSignal<Slot[]>();
  const answer = createAnswer(props);

  async function loadSlots() {
    const reply = await call(props.session.socket, 'request:slots', { requestId: props.request.id });
    if (reply.ok) setSlots(reply.data);
    else answer.setError(reply.error.message);
  }
  onMount(loadSlots);

  async function choose(slot: Slot) {
    const reply = await answer.send(() => props.session.act(props.event, { requestId: props.request.id, start: slot.start }));
    if (!reply.ok) void loadSlots(); // the slot may have gone meanwhile
  }

  return (
    <div class="picker">
      <p class="picker__title">
        {props.event === 'request:accept' ? 'Pick a time' : 'Propose a time'} for {props.request.student.name}:
      </p>
      <Show when={slots()} fallback={<p class="muted">{answer.error() ? '' : 'Finding free slots…'}</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>No free slots are left in the booth's interview windows.</p>}>
            <div class="slots">
              <For each={list()}>
                {(slot) => (
                  <button type="button" class="button" data-testid="slot" disabled={answer.busy()} onClick={() => choose(slot)}>
                    {slotRange(slot, props.timeZone)}
                  </button>
                )}
              </For>
            </div>
          </Show>
        )}
      </Show>
      <p role="alert" class="form__message">{answer.error()}</p>
      <button type="button" class="button button--quiet" onClick={() => props.close()}>
        Back
      </button>
    </div>
  );
}
