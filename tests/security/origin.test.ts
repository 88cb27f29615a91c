// A page on another origin must not open a socket to the fair: socket.io's `cors` option does not
// cover WebSockets, so allowRequest checks Origin on every handshake (server/realtime/origin.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAll, handshakeResult, startServer, studentKey, type TestServer } from '../helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  disconnectAll();
  await server.close();
});

const handshake = (origin: string, transport: 'websocket' | 'polling'): Promise<string> =>
  handshakeResult(`${server.url}/student`, { transports: [transport], auth: { key: studentKey() }, extraHeaders: { origin } });

describe('socket handshakes and Origin', () => {
  it.each(['websocket', 'polling'] as const)('refuses another origin over %s, and takes the server’s own', async (transport) => {
    for (const origin of ['http://evil.example', 'null', `${server.url}.evil.example`, 'http://127.0.0.1.evil.example']) {
      expect(await handshake(origin, transport), origin).not.toBe('connected');
    }
    expect(await handshake(server.url, transport)).toBe('connected');
  });

});
