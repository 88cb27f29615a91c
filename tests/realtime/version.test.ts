// A page that kept running while the server was updated speaks an older protocol: its handshake
// is refused with a sentence to show, before its credential is even looked at, and it gets nothing.
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTDATED } from '../../server/realtime/version.ts';
import { PROTOCOL_VERSION, type HandshakeRefusal } from '../../shared/protocol.ts';
import { ask, connectStudent, disconnectAll, studentKey, type TestServer } from '../helpers.ts';
import { startTwoBoothFair, stopServer } from './fixtures.ts';

let server: TestServer;
let tokens: { ada: string };
const made: Socket[] = [];
beforeEach(async () => ({ server, tokens } = await startTwoBoothFair()));
afterEach(async () => {
  for (const socket of made.splice(0)) socket.disconnect();
  disconnectAll();
  await stopServer(server);
});

type Refused = Error & { data?: HandshakeRefusal };

/** A handshake with this `auth`, as a page's socket makes it (reconnection on): the refusal, and every event it heard. */
async function refusal(namespace: string, auth: Record<string, unknown>): Promise<{ error: Refused; heard: string[]; socket: Socket }> {
  const socket = io(`${server.url}${namespace}`, { transports: ['websocket'], forceNew: true, auth });
  made.push(socket);
  const heard: string[] = [];
  socket.onAny((event: string) => heard.push(event));
  const error = await new Promise<Refused>((resolve, reject) => {
    socket.once('connect', () => reject(new Error(`${namespace} connected`)));
    socket.once('connect_error', resolve);
  });
  return { error, heard, socket };
}

describe('the protocol version in the handshake', () => {
  it('refuses an older or newer page with the sentence, and sends it no data', async () => {
    for (const version of [PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1, String(PROTOCOL_VERSION)]) {
      const { error, heard, socket } = await refusal('/student', { key: studentKey(), version });
      expect(error.message).toBe('OUTDATED');
      expect(error.data).toEqual({ code: 'OUTDATED', message: 'Boothlink was updated on the server. Reload this page to continue.' });
      // Refused, so socket.io-client does not try again on its own: the page offers a reload instead.
      expect(socket.active).toBe(false);
      expect(socket.connected).toBe(false);
      expect(heard).toEqual([]);
    }
    expect(server.app.io.of('/student').sockets.size).toBe(0);
  });

  it('refuses a handshake without a version: a page from before versions were exchanged', async () => {
    const { error } = await refusal('/student', { key: studentKey() });
    expect(error.data?.code).toBe('OUTDATED');
  });

  it('is checked before the credential: a paired tablet running old code is told to reload, not to pair again', async () => {
    const { error, heard } = await refusal('/rep', { token: tokens.ada, version: PROTOCOL_VERSION - 1 });
    expect(error.data).toEqual({ code: 'OUTDATED', message: OUTDATED });
    expect(heard).toEqual([]);
    expect(server.app.io.of('/rep').sockets.size).toBe(0);
  });

  it('lets the current version in, with its credential checked as before', async () => {
    const phone = await connectStudent(server.url, studentKey());
    expect(phone.connected).toBe(true);
    expect(await ask(phone, 'student:load')).toMatchObject({ ok: true, data: { profile: null } });
    await expect(connectStudent(server.url, 'short')).rejects.toThrow('UNAUTHORIZED');
  });
});
