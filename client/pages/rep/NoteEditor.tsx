// The booth's own notes on a visitor: free text, Handshake's 1–4 rating and tags from the booth's
// list. Shared live by the booth's tablets and never shown to the student. A push for the same
// visitor while the rep types keeps the draft and says another tablet changed it.
import { createMemo, createSignal, For, Show, untrack } from 'solid-js';
import { RATING_LABELS } from '../../../shared/boothSchema.ts';
import type { AssessmentCard, Rating, VisitorCard } from '../../../shared/protocol.ts';
import { clock } from '../../../shared/time.ts';
import type { RepSession } from './session.ts';

const RATINGS = [0, 1, 2, 3, 4] as const;
/** The same visitor's editor can be open on its visitor card and on a request card: ids stay unique. */
let opened = 0;
const ratingLabel = (r: (typeof RATINGS)[number]) => (r === 0 ? 'No rating' : RATING_LABELS[r]);

interface Draft {
  notes: string;
  rating: 0 | Rating;
  tags: string[];
}
const draftOf = (a: AssessmentCard | undefined): Draft => ({ notes: a?.notes ?? '', rating: a?.rating ?? 0, tags: [...(a?.tags ?? [])] });
const same = (a: Draft, b: Draft) => a.notes === b.notes && a.rating === b.rating && a.tags.join('\n') === b.tags.join('\n');

export function NoteEditor(props: {
  visitor: VisitorCard;
  tags: string[];
  timeZone: string;
  act: RepSession['act'];
  close: () => void;
}) {
  const prefix = `note-${++opened}`;
  // The editor starts from the notes as they were when it opened; pushes never overwrite typing.
  const start = untrack(() => props.visitor.assessment);
  const [draft, setDraft] = createSignal<Draft>(draftOf(start));
  const [savedAt, setSavedAt] = createSignal(start?.at);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  /** Another tablet saved this visitor's notes since the editor opened (and not to what is typed here). */
  const changedElsewhere = createMemo(() => {
    const now = props.visitor.assessment;
    if (!now || now.at === savedAt() || same(draftOf(now), draft())) return undefined;
    return now;
  });
  const choices = () => [...props.tags, ...draft().tags.filter((t) => !props.tags.includes(t))];
  const toggle = (tag: string) =>
    setDraft((d) => ({ ...d, tags: d.tags.includes(tag) ? d.tags.filter((t) => t !== tag) : [...d.tags, tag] }));

  async function save(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError('');
    const reply = await props.act('visitor:note', { introductionId: props.visitor.introductionId, ...draft() });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setSavedAt(reply.data.assessment?.at);
    props.close();
  }

  return (
    <form class="form picker note-editor" novalidate onSubmit={save} aria-label={`Notes on ${props.visitor.student.name}`}>
      <Show when={changedElsewhere()}>
        {(other) => (
          <p class="card__pending" role="status">
            Changed on another tablet by {other().by} at {clock(other().at, props.timeZone)}. Your text here is kept; saving replaces theirs.
          </p>
        )}
      </Show>
      <div class="field">
        <label for={`${prefix}-notes`}>Notes</label>
        <textarea
          id={`${prefix}-notes`}
          name="notes"
          rows={4}
          maxLength={2000}
          value={draft().notes}
          onInput={(e) => setDraft((d) => ({ ...d, notes: e.currentTarget.value }))}
        />
      </div>
      <fieldset class="choices">
        <legend>Rating</legend>
        <For each={RATINGS}>
          {(r) => (
            <label class="choice">
              <input
                type="radio"
                name={`${prefix}-rating`}
                value={r}
                checked={draft().rating === r}
                onChange={() => setDraft((d) => ({ ...d, rating: r }))}
              />
              {ratingLabel(r)}
            </label>
          )}
        </For>
      </fieldset>
      <div role="group" aria-labelledby={`${prefix}-tags`} class="choices">
        <p class="choices__legend" id={`${prefix}-tags`}>Tags</p>
        <Show when={choices().length > 0} fallback={<p class="muted">The booth has no tags yet: add some with “Edit the booth’s tags”.</p>}>
          <For each={choices()}>
            {(tag) => (
              <button type="button" class="button chip" aria-pressed={draft().tags.includes(tag)} onClick={() => toggle(tag)}>
                {tag}
              </button>
            )}
          </For>
        </Show>
      </div>
      <p role="alert" class="form__message">{error()}</p>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? 'Saving…' : 'Save notes'}
        </button>
        <button type="button" class="button" onClick={() => props.close()}>
          Close
        </button>
      </div>
    </form>
  );
}
