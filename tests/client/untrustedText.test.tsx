// Whatever a student types is shown as text wherever it is echoed: their own form, the server's
// messages, and the rep's visitor card.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { type } from './dom.ts';
import { ProfileForm } from '../../client/components/ProfileForm.tsx';
import { VisitorCard } from '../../client/pages/rep/VisitorCard.tsx';
import type { Profile, Reply } from '../../shared/protocol.ts';
import { fakeRepSession } from './repSession.ts';

const MARKUP = '<img src=x onerror=alert(1)>';

describe('text that looks like markup', () => {
  it('is kept as typed in the profile form and sent as text', async () => {
    const save = vi.fn(async (_profile: Profile): Promise<Reply<unknown>> => ({
      ok: false,
      error: { code: 'INVALID', message: `${MARKUP} is not allowed.`, fields: { name: `Remove ${MARKUP}.` } },
    }));
    const { container } = render(() => <ProfileForm profile={null} submitLabel="Save" save={save} />);
    type(screen.getByLabelText('Name'), MARKUP);
    type(screen.getByLabelText('Email'), 'sam@example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(`Remove ${MARKUP}.`)).toBeVisible();
    expect(save.mock.calls[0]?.[0].name).toBe(MARKUP);
    expect(screen.getByRole('alert')).toHaveTextContent(`${MARKUP} is not allowed.`);
    expect(screen.getByLabelText('Name')).toHaveValue(MARKUP);
    expect(container.querySelector('img')).toBeNull();
  });

  it('is shown as text on the rep’s visitor card', () => {
    const student = { name: MARKUP, email: 'sam@example.com', interests: `<b>${MARKUP}</b>` };
    const assessment = { notes: `<i>${MARKUP}</i>`, tags: [MARKUP], by: MARKUP, at: '2026-03-12T12:05:00Z' };
    const visitor = { introductionId: 'i1', studentId: 's1', sharedAt: '2026-03-12T12:00:00Z', student, assessment };
    const { session } = fakeRepSession();
    const { container } = render(() => <VisitorCard visitor={visitor} session={session} timeZone="Europe/Berlin" fresh={false} />);

    expect(screen.getByRole('heading', { name: MARKUP })).toBeVisible();
    expect(screen.getByText(`<b>${MARKUP}</b>`)).toBeVisible();
    expect(screen.getByText(`<i>${MARKUP}</i>`)).toBeVisible();
    expect(screen.getByText(`Tags: ${MARKUP}`)).toBeVisible();
    expect(container.querySelector('img, b, i')).toBeNull();
  });
});
