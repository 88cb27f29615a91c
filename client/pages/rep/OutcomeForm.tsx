// After a booked interview's start: did the student come, and what happens next. The server checks
// the time too; the tablet only offers it once the slot has begun on its own clock.
import { createSignal } from 'solid-js';
import type { Outcome, RequestCard } from '../../../shared/protocol.ts';
import type { RepSession } from './session.ts';

export const NEXT_STEPS = ['Send application link', 'Second interview', 'Invite to the office', 'No further steps'];

export function OutcomeForm(props: { request: RequestCard; act: RepSession['act'] }) {
  const id = `outcome-${props.request.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const [nextStep, setNextStep] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  async function record(outcome: Outcome) {
    setBusy(true);
    setError('');
    const reply = await props.act('request:outcome', { requestId: props.request.id, outcome, nextStep: nextStep().trim() });
    setBusy(false);
    // Recorded: the card moves to Done with the outcome (merged by the session).
    if (!reply.ok) setError(reply.error.message);
  }

  return (
    <div class="picker" role="group" aria-labelledby={`${id}-title`}>
      <p class="picker__title" id={`${id}-title`}>Did {props.request.student.name} come?</p>
      <div class="field">
        <label for={`${id}-next`}>
          Next step<span class="field__optional"> (optional)</span>
        </label>
        <input id={`${id}-next`} list={`${id}-steps`} autocomplete="off" maxLength={200} value={nextStep()} onInput={(e) => setNextStep(e.currentTarget.value)} />
        <datalist id={`${id}-steps`}>
          {NEXT_STEPS.map((step) => <option value={step} />)}
        </datalist>
      </div>
      <p role="alert" class="form__message">{error()}</p>
      <div class="actions">
        <button type="button" class="button button--primary" disabled={busy()} onClick={() => void record('attended')}>
          Attended
        </button>
        <button type="button" class="button" disabled={busy()} onClick={() => void record('noShow')}>
          No-show
        </button>
      </div>
    </div>
  );
}
