// The connection banner over a stand-in socket: a dropped link is retried by socket.io-client and
// says so; a refused handshake is not retried, so the banner shows the server's sentence and a
// Reload button (the way out for a page older than the server it talks to).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@solidjs/testing-library';
import type { Socket } from 'socket.io-client';
import './dom.ts';
import { ConnectionLine } from '../../client/components/ConnectionLine.tsx';
import { trackConnection } from '../../client/lib/connection.ts';
import type { HandshakeRefusal } from '../../shared/protocol.ts';

const OUTDATED = 'Boothlink was updated on the server. Reload this page to continue.';

/** Just what trackConnection reads: listeners, `connected`, and `active` (false once a handshake is refused). */
function standInSocket() {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const socket = {
    connected: false,
    active: true,
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    connect: vi.fn(),
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((listener) => listener(...args)),
  };
  return socket;
}

function renderLine() {
  const socket = standInSocket();
  render(() => {
    const connection = trackConnection(socket as unknown as Socket, () => {});
    return <ConnectionLine connection={connection} />;
  });
  const refuse = (message: string, data?: HandshakeRefusal) => {
    socket.active = false; // socket.io-client gives up on a refused handshake before it reports it
    socket.emit('connect_error', Object.assign(new Error(message), data && { data }));
  };
  return { socket, refuse, banner: () => screen.getByRole('status') };
}

afterEach(() => vi.unstubAllGlobals());

describe('ConnectionLine', () => {
  it('shows the server’s sentence and a Reload button when the page is older than the server', () => {
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    const { refuse, banner } = renderLine();
    expect(within(banner()).queryByRole('button')).toBeNull();

    refuse('OUTDATED', { code: 'OUTDATED', message: OUTDATED });
    expect(within(banner()).getByText(OUTDATED)).toBeVisible();
    const button = within(banner()).getByRole('button', { name: 'Reload' });
    expect(button.tagName).toBe('BUTTON');
    expect(button).toHaveAttribute('type', 'button');
    fireEvent.click(button);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('says "Reconnecting…" without a button while socket.io-client retries a dropped link', () => {
    const { socket, banner } = renderLine();
    socket.emit('connect_error', new Error('xhr poll error'));
    expect(banner()).toHaveTextContent('Reconnecting…');
    expect(within(banner()).queryByRole('button')).toBeNull();
    socket.connected = true;
    socket.emit('connect');
    expect(banner()).toHaveTextContent('Online');
  });

  it('names a refusal that came without a sentence, with the same way out', () => {
    const { refuse, banner } = renderLine();
    refuse('UNAUTHORIZED');
    expect(banner()).toHaveTextContent('The server refused the connection (UNAUTHORIZED). Reload the page to try again.');
    expect(within(banner()).getByRole('button', { name: 'Reload' })).toBeVisible();
  });
});
