// "What we hold about you": every field of the profile, every consent with its time and fields,
// every request with its note and the booth's message; and a Withdraw button per booth.
import { createSignal, For, Show } from 'solid-js';
import type { StudentRequest, StudentView, Visit } from '../../../shared/protocol.ts';
import { PROFILE_FIELDS } from '../../../shared/schema.ts';
import { clock, slotWithDay } from '../../../shared/time.ts';
import { FIELD_LABELS } from './privacy.ts';

export function HeldData(props: { view: StudentView; withdraw: (slug: string) => Promise<string> }) {
  const filled = () => PROFILE_FIELDS.filter((f) => props.view.profile?.[f]);
  return (
    <section class="step" aria-labelledby="held-heading" data-testid="held-data">
      <h2 id="held-heading">What we hold about you</h2>
      <Show when={props.view.profile} fallback={<p class="muted">No profile: nothing saved about you.</p>}>
        {(profile) => (
          <dl class="held">
            <For each={filled()}>{(f) => <><dt>{FIELD_LABELS[f]}</dt><dd>{profile()[f]}</dd></>}</For>
          </dl>
        )}
      </Show>
      <ul class="list">
        <For each={props.view.visits}>
          {(visit) => <Consent visit={visit} withdraw={props.withdraw} />}
        </For>
        <For each={props.view.withdrawn ?? []}>
          {(kept) => (
            <li>
              <strong>{kept.booth.employer}</strong>: you withdrew your details; they no longer see you.
              <Requests requests={kept.requests} timeZone={kept.booth.timeZone} />
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function Consent(props: { visit: Visit; withdraw: (slug: string) => Promise<string> }) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');
  const booth = () => props.visit.booth;
  const confirm = async () => {
    setBusy(true);
    setError(await props.withdraw(booth().slug));
    setBusy(false);
    setAsking(false);
  };
  return (
    <li data-testid="consent">
      <strong>{booth().employer}</strong> has your {props.visit.fields.map((f) => FIELD_LABELS[f]?.toLowerCase()).join(', ')}
      <p class="muted">Shared at {clock(props.visit.sharedAt, booth().timeZone)}</p>
      <Requests requests={props.visit.requests} timeZone={booth().timeZone} />
      <Show
        when={asking()}
        fallback={<button type="button" class="button button--danger" onClick={() => setAsking(true)}>Withdraw</button>}
      >
        <p>{booth().employer}'s tablets will stop showing you, and your open requests there are cancelled.</p>
        <button type="button" class="button button--danger" disabled={busy()} onClick={() => void confirm()}>
          {busy() ? 'Withdrawing…' : `Withdraw my details from ${booth().employer}`}
        </button>
        <button type="button" class="button" onClick={() => setAsking(false)}>Keep sharing</button>
      </Show>
      <p role="alert" class="form__message">{error()}</p>
    </li>
  );
}

function Requests(props: { requests: StudentRequest[]; timeZone: string }) {
  return (
    <For each={props.requests}>
      {(r) => (
        <p class="muted">
          Request {r.status}, asked at {clock(r.createdAt, props.timeZone)}
          <Show when={r.slot}>{(slot) => <>, {slotWithDay(slot(), props.timeZone)}</>}</Show>
          <Show when={r.note}>. Your note: “{r.note}”</Show>
          <Show when={r.message}>. Their message: “{r.message}”</Show>
        </p>
      )}
    </For>
  );
}
