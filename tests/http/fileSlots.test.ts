// Static files are sent a fixed number at a time (each holds an open file while it lasts); the other
// requests wait their turn, and one that gives up while waiting takes no turn.
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSlots } from '../../server/http/plumbing/fileSlots.ts';
import { waitFor } from '../helpers.ts';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server whose responses, once given a slot, stay open until the test ends them. */
async function slowFiles(max: number) {
  const slots = fileSlots(max);
  const arrived: string[] = [];
  const closed: string[] = [];
  const sending = new Map<string, ServerResponse>();
  server = http.createServer((req, res) => {
    const name = req.url ?? '';
    arrived.push(name);
    res.once('close', () => closed.push(name));
    slots(res, () => {
      sending.set(name, res);
      res.writeHead(200);
      res.write('the first bytes');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, arrived, closed, sending };
}

describe('file slots', () => {
  it('sends at most so many at once, and the next one as soon as one ends', async () => {
    const { url, arrived, sending } = await slowFiles(2);
    const responses = ['/a', '/b', '/c'].map((name) => fetch(`${url}${name}`).then((res) => res.text()));
    await waitFor(() => arrived.length === 3, 5000, 'the three requests');
    expect([...sending.keys()].sort()).toEqual(['/a', '/b']);
    sending.get('/a')!.end();
    await waitFor(() => sending.has('/c'), 5000, 'the third one to be sent');
    sending.get('/b')!.end();
    sending.get('/c')!.end();
    expect(await Promise.all(responses)).toEqual(['the first bytes', 'the first bytes', 'the first bytes']);
  });

  it('gives no turn to a request that gave up while it waited', async () => {
    const { url, arrived, closed, sending } = await slowFiles(1);
    const first = fetch(`${url}/a`).then((res) => res.text());
    const quitter = new AbortController();
    const gaveUp = fetch(`${url}/b`, { signal: quitter.signal }).catch(() => 'gave up');
    await waitFor(() => arrived.length === 2, 5000, 'the first two requests');
    const third = fetch(`${url}/c`).then((res) => res.text());
    await waitFor(() => arrived.length === 3, 5000, 'the third request');
    quitter.abort();
    await waitFor(() => closed.includes('/b'), 5000, 'the server to see the second one go');
    sending.get('/a')!.end();
    await waitFor(() => sending.has('/c'), 5000, 'the third one to be sent');
    sending.get('/c')!.end();
    expect([await first, await gaveUp, await third]).toEqual(['the first bytes', 'gave up', 'the first bytes']);
    expect([...sending.keys()]).toEqual(['/a', '/c']);
  });
});
