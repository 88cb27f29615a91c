// The booth's notes on a visitor: notes, a rating and tags saved together through the outbox; a
// push from another tablet keeps the draft and says so.
import { describe, expect, it } from 'vitest';
import { createSignal } from 'solid-js';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { type } from './dom.ts';
import { NoteEditor } from '../../client/pages/rep/NoteEditor.tsx';
import type { VisitorCard } from '../../shared/protocol.ts';
import { fakeRepSession } from './repSession.ts';

const KIM: VisitorCard = {
  introductionId: 'b1:s1', studentId: 's1', sharedAt: '2026-03-12T10:00:00Z', student: { name: 'Kim Park', email: 'kim@uni.example' },
  assessment: { notes: 'Good questions', rating: 3, tags: ['intern'], by: 'Ada', at: '2026-03-12T10:05:00Z' },
};

function renderEditor(answer = (input: Record<string, unknown>) => ({ ok: true as const, data: { ...KIM, assessment: { ...KIM.assessment!, ...input, at: '2026-03-12T10:30:00Z' } } })) {
  const [visitor, setVisitor] = createSignal(KIM);
  const fake = fakeRepSession({ answer: (_e, input) => answer(input) });
  let closed = 0;
  render(() => <NoteEditor visitor={visitor()} tags={fake.session.tags()} timeZone="Europe/Berlin" act={fake.session.act} close={() => closed++} />);
  return { ...fake, setVisitor, closed: () => closed };
}

describe('NoteEditor', () => {
  it('starts from the saved notes and sends notes, rating and tags together', async () => {
    const { act, closed } = renderEditor();
    expect(screen.getByLabelText('Notes')).toHaveValue('Good questions');
    expect(screen.getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect(screen.getByRole('group', { name: 'Tags' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'intern' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByRole('radio').map((r) => r.parentElement!.textContent)).toEqual(['No rating', 'No', 'Neutral', 'Yes', 'Strong yes']);

    type(screen.getByLabelText('Notes'), 'Good questions; wants a summer internship');
    fireEvent.click(screen.getByRole('radio', { name: 'Strong yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'intern' }));
    fireEvent.click(screen.getByRole('button', { name: 'follow up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    await waitFor(() => expect(closed()).toBe(1));
    expect(act).toHaveBeenCalledWith('visitor:note', {
      introductionId: 'b1:s1', notes: 'Good questions; wants a summer internship', rating: 4, tags: ['follow up'],
    });
  });

  it('keeps the draft when another tablet saves the same visitor, and says so', () => {
    const { setVisitor } = renderEditor();
    type(screen.getByLabelText('Notes'), 'My draft');
    setVisitor({ ...KIM, assessment: { notes: 'Their notes', rating: 1, tags: [], by: 'Bo Chen', at: '2026-03-12T10:20:00Z' } });
    expect(screen.getByText('Changed on another tablet by Bo Chen at 11:20. Your text here is kept; saving replaces theirs.')).toBeVisible();
    expect(screen.getByLabelText('Notes')).toHaveValue('My draft');
    expect(screen.getByRole('radio', { name: 'Yes' })).toBeChecked();
  });

  it("keeps the editor open with the server's sentence when the note is refused", async () => {
    const { closed } = renderEditor(() => ({ ok: false, error: { code: 'INVALID', message: 'Pick at most 12 tags.' } }) as never);
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    expect(await screen.findByText('Pick at most 12 tags.')).toBeVisible();
    expect(closed()).toBe(0);
  });
});
