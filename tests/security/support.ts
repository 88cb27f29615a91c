// Shared by the security tests: clients from a chosen local address (the whole 127.0.0.0/8 is this
// machine, so 127.0.0.2 is "another address"), and the data folder's text.
import fs from 'node:fs';
import path from 'node:path';
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { withVersion, type StudentClient } from '../helpers.ts';

const made: Socket[] = [];

export async function connectFrom<S extends Socket = StudentClient>(
  url: string,
  namespace: string,
  auth: Record<string, string>,
  localAddress = '127.0.0.1',
): Promise<S> {
  // engine.io-client hands `localAddress` to the WebSocket; its types do not list it.
  const options = { transports: ['websocket'], reconnection: false, forceNew: true, auth: withVersion(auth), localAddress } as Partial<ManagerOptions & SocketOptions>;
  const socket = connect(`${url}${namespace}`, options) as S;
  made.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

export function disconnectMade(): void {
  for (const socket of made.splice(0)) socket.disconnect();
}

/** Every file of the data folder as one text, to look for what was saved. */
export const dataText = (dir: string): string =>
  fs.readdirSync(dir).map((name) => path.join(dir, name)).filter((f) => fs.statSync(f).isFile()).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
