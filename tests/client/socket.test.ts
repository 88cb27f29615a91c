// A page's socket (client/lib/socket.ts) starts its connection in a task after the page has drawn
// itself; a page closed before then never connects.
import { describe, expect, it } from 'vitest';
import { closeSocket, connectStudent } from '../../client/lib/socket.ts';
import { randomId } from '../../client/lib/ids.ts';

/** Resolves after the timers set before it: the socket's own start has run by then. */
const afterStart = () => new Promise((resolve) => setTimeout(resolve));

describe("a page's socket", () => {
  it('connects in the next task, not while the page draws', async () => {
    const socket = connectStudent(randomId(16));
    expect(socket.io.engine).toBeUndefined();
    await afterStart();
    expect(socket.io.engine).toBeDefined();
    closeSocket(socket);
  });

  it('never connects when its page closes first', async () => {
    const socket = connectStudent(randomId(16));
    closeSocket(socket);
    await afterStart();
    expect(socket.io.engine).toBeUndefined();
    expect(socket.connected).toBe(false);
  });
});
