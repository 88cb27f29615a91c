// The kiosk face and what opens from it: no student's data, the PIN with the server's sentence,
// the walk-up form with its consent, and the minute of idle that brings the kiosk face back.
import { describe, expect, it, vi } from 'vitest';
import { createRoot } from 'solid-js';
import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { type } from './dom.ts';
import { KioskFace } from '../../client/pages/rep/KioskFace.tsx';
import { PinEntry } from '../../client/pages/rep/PinEntry.tsx';
import { WalkUpForm, WALK_UP_THANKS_MS } from '../../client/pages/rep/WalkUpForm.tsx';
import { createIdleTimer, REP_IDLE_MS } from '../../client/pages/rep/idle.ts';
import { WALK_UP_CONSENT } from '../../shared/boothSchema.ts';
import type { Reply } from '../../shared/protocol.ts';
import { BOOTH, fakeRepSession } from './repSession.ts';

describe('KioskFace', () => {
  it('shows the booth, its QR code and how many wait, with two ways in', () => {
    const onWalkUp = vi.fn();
    const onRepView = vi.fn();
    render(() => <KioskFace booth={{ ...BOOTH, status: 'break' }} waiting={3} loadError="" onWalkUp={onWalkUp} onRepView={onRepView} />);
    expect(screen.getByRole('heading', { name: 'ACME' })).toBeVisible();
    expect(screen.getByText('Booth 12')).toBeVisible();
    expect(screen.getByRole('img', { name: /QR code for ACME's booth page/ })).toHaveAttribute('src', '/api/booths/acme/qr.svg');
    expect(screen.getByText('Scan to share your details or ask for an interview')).toBeVisible();
    expect(screen.getByText('On a break')).toBeVisible();
    expect(screen.getByText('3 people are waiting for an interview')).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'No phone? Leave your details here' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rep view' }));
    expect(onWalkUp).toHaveBeenCalledOnce();
    expect(onRepView).toHaveBeenCalledOnce();
  });
});

describe('PinEntry', () => {
  it("shows the server's sentence for a wrong PIN, empties the field, and opens on the right one", async () => {
    const unlock = vi.fn(async (pin: string): Promise<Reply<unknown>> =>
      pin === '2468' ? { ok: true, data: { unlocked: true } } : { ok: false, error: { code: 'FORBIDDEN', message: 'That PIN is not right. 4 tries left.' } });
    const onUnlocked = vi.fn();
    render(() => <PinEntry unlock={unlock} onUnlocked={onUnlocked} onBack={() => {}} />);
    const pin = screen.getByLabelText('Your PIN');
    expect(pin).toHaveFocus();
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    type(pin, '0000');
    fireEvent.click(screen.getByRole('button', { name: 'Open the rep view' }));
    expect(await screen.findByText('That PIN is not right. 4 tries left.')).toBeVisible();
    expect(pin).toHaveValue('');
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(onUnlocked).not.toHaveBeenCalled();
    type(pin, '2468');
    fireEvent.click(screen.getByRole('button', { name: 'Open the rep view' }));
    await waitFor(() => expect(onUnlocked).toHaveBeenCalledOnce());
    expect(unlock.mock.calls.map(([p]) => p)).toEqual(['0000', '2468']);
  });
});

describe('WalkUpForm', () => {
  it('asks for the consent in words before sending, then thanks the visitor and clears itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { session, act } = fakeRepSession({ answer: (_e, input) => ({ ok: true, data: { name: input.name } }) });
      const onDone = vi.fn();
      render(() => <WalkUpForm employer="ACME" act={session.act} onDone={onDone} />);
      type(screen.getByLabelText('Name'), 'Jo Walker');
      type(screen.getByLabelText('Email'), 'jo@walk.example');
      fireEvent.click(screen.getByRole('button', { name: 'Send my details' }));
      expect(await screen.findByText(WALK_UP_CONSENT)).toBeVisible();
      expect(act).not.toHaveBeenCalled();

      fireEvent.click(screen.getByLabelText('ACME may keep my name, email and phone to contact me about jobs.'));
      fireEvent.click(screen.getByRole('button', { name: 'Send my details' }));
      expect(await screen.findByRole('heading', { name: 'Thank you, Jo Walker. ACME has your details.' })).toBeVisible();
      expect(act).toHaveBeenCalledWith('visitor:walkUp', { name: 'Jo Walker', email: 'jo@walk.example', phone: '', consent: true });
      expect(onDone).not.toHaveBeenCalled();
      vi.advanceTimersByTime(WALK_UP_THANKS_MS);
      expect(onDone).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the server's sentence next to the field it names", async () => {
    const { session } = fakeRepSession({
      answer: () => ({ ok: false, error: { code: 'INVALID', message: 'Please correct the marked fields.', fields: { email: 'Enter a valid email address, like sam@example.com.' } } }),
    });
    render(() => <WalkUpForm employer="ACME" act={session.act} onDone={() => {}} />);
    type(screen.getByLabelText('Name'), 'Jo Walker');
    type(screen.getByLabelText('Email'), 'jo@walk.example');
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Send my details' }));
    expect(await screen.findByText('Enter a valid email address, like sam@example.com.')).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();
  });
});

describe('createIdleTimer', () => {
  it('fires after a minute without a touch; a touch, a key or typing starts the minute again', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const onIdle = vi.fn();
      const dispose = createRoot((d) => (createIdleTimer(onIdle), d));
      vi.advanceTimersByTime(REP_IDLE_MS - 1000);
      window.dispatchEvent(new Event('pointerdown'));
      vi.advanceTimersByTime(REP_IDLE_MS - 1000);
      document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
      vi.advanceTimersByTime(REP_IDLE_MS - 1000);
      expect(onIdle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(onIdle).toHaveBeenCalledOnce();
      dispose();
      window.dispatchEvent(new Event('pointerdown'));
      vi.advanceTimersByTime(REP_IDLE_MS * 2);
      expect(onIdle).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
