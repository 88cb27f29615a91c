// A fair set up late (the evening before, with today's default date): its interview windows are
// already over, so no student could book one. Say so, and move it to the next day in one tap.
import { createSignal, Show } from 'solid-js';
import type { FairInfo, Reply } from '../../../shared/protocol.ts';
import { longDate } from './fairCalendar.ts';

export function LateFairNotice(props: { fair: FairInfo; move: (date: string) => Promise<Reply<FairInfo>> }) {
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal('');
  const move = async () => {
    setBusy(true);
    setFailed('');
    const reply = await props.move(props.fair.nextDate);
    setBusy(false);
    if (!reply.ok) setFailed(reply.error.message);
  };
  return (
    <Show when={props.fair.windowsOver}>
      <div class="notice notice--warn" role="note" aria-labelledby="late-heading">
        <p id="late-heading" class="notice__title">The interview windows of {longDate(props.fair.date)} are over</p>
        <p>
          It is past the last window in {props.fair.timeZone}, so no student can ask for an interview on that date. If the
          fair is still to come, move it.
        </p>
        <button type="button" class="button button--primary" disabled={busy()} onClick={() => void move()}>
          Move the fair to {longDate(props.fair.nextDate)}
        </button>
        <p role="alert" class="form__message">{failed()}</p>
      </div>
    </Show>
  );
}
