// `npm start`'s server under a low open-file limit, as some shells, containers and service managers
// set it (issue #11, item 1): a flood of connections from one address is turned away at the door,
// with a sentence for the sockets that can be told one, and never takes the files the store needs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { readOpenFiles } from '../../server/descriptors.ts';
import { BUSY } from '../../server/realtime/capacity.ts';
import {
  actionId, ask, connectStudent, disconnectAll, freePort, studentKey, tempDir, waitFor, withVersion, type StudentClient,
} from '../helpers.ts';

const FILE_LIMIT = 1_024;
const FLOOD = 1_100;
/** Sockets opened at once: a client opening them as fast as the server answers. */
const FLOOD_BATCH = 20;
const SETTLE_MS = 60_000;
/** Phones arriving one by one after the flood, at most: enough to fill the room the flood left. */
const LATE_PHONES = 200;

const children: ChildProcess[] = [];
const dirs: string[] = [];
const flood: { destroy(): void }[] = [];

afterEach(() => {
  for (const socket of flood.splice(0)) socket.destroy();
  disconnectAll();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The real entry point, started through bash so that its hard limit is FILE_LIMIT. */
async function startLimited(): Promise<{ url: string; output: () => string }> {
  const dataDir = tempDir();
  dirs.push(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { ADMIN_TOKEN: _unset, ...env } = process.env;
  const script = `ulimit -Hn ${FILE_LIMIT} -Sn ${FILE_LIMIT} && exec "$0" --import tsx server/main.ts`;
  const child = spawn('bash', ['-c', script, process.execPath], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(() => /Stop with Ctrl\+C/.test(output) || child.exitCode !== null, 15_000, 'the banner');
  if (child.exitCode !== null) throw new Error(`The server did not start:\n${output}`);
  return { url, output: () => output };
}

/** Opens FLOOD sockets, FLOOD_BATCH at a time; resolves with how each ended: 'connected', or what it was told. */
async function floodWith(open: () => { socket: { destroy(): void }; settled: Promise<string> }): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < FLOOD; i += FLOOD_BATCH) {
    const batch = Array.from({ length: Math.min(FLOOD_BATCH, FLOOD - i) }, open);
    flood.push(...batch.map((b) => b.socket));
    outcomes.push(...(await Promise.all(batch.map((b) => b.settled))));
  }
  return outcomes;
}

/** A phone's socket that stays open: 'connected', or the sentence of a refusal (else the error). */
function floodingPhone(url: string, transports = ['websocket']): { socket: { destroy(): void }; settled: Promise<string> } {
  const socket = connect(`${url}/student`, { transports, reconnection: false, forceNew: true, auth: withVersion({ key: studentKey() }) });
  const closed = new Promise((resolve) => socket.io.once('close', resolve));
  const settled = new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    // A refused one is settled once it has closed its connection too, as the page does.
    socket.once('connect_error', (error: Error & { data?: { message?: string } }) => {
      if (error.data === undefined) return resolve(error.message); // not refused by the server: nothing more will come
      void closed.then(() => resolve(error.data?.message ?? error.message));
    });
  });
  return { socket: { destroy: () => socket.disconnect() }, settled };
}

/** Saves, erases (a snapshot, a journal rotation and a scrub: new files to open), saves again. */
async function writes(phone: StudentClient): Promise<unknown[]> {
  const profile = { name: 'Sam Student', email: 'sam@example.com' };
  return [
    await ask(phone, 'profile:save', profile),
    await ask(phone, 'student:erase', { id: actionId(), confirm: 'ERASE' }),
    await ask(phone, 'profile:save', profile),
  ];
}

const healthz = (url: string) => fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) }).then((res) => res.status);

// Linux only (bash's ulimit, /proc), and this runner must itself be able to open the flood.
const room = readOpenFiles();
const canFlood = process.platform === 'linux' && room !== undefined && room.limit - room.open > 2 * FLOOD;

describe.runIf(canFlood)(`the server under a limit of ${FILE_LIMIT} open files`, () => {
  it(`says how many it holds, and turns away ${FLOOD} sockets from one address with a sentence, while another phone's writes all succeed and /healthz answers`, async () => {
    const server = await startLimited();
    expect(server.output()).toMatch(/Connections: up to [\d,]+ phones and tablets at once \(this process may open 1,024 files\)\./);
    expect(server.output()).toContain('Warning: a fair of 5,000 phones and 500 tablets needs 5,500 connections');
    const phone = await connectStudent(server.url, studentKey());

    const outcomes = await floodWith(() => floodingPhone(server.url));
    expect(await healthz(server.url)).toBe(200);
    for (const reply of await writes(phone)) expect(reply).toMatchObject({ ok: true });

    // Each socket was taken, or told why not; past the refusals the server has room for at once,
    // a few may be turned away before a word (a transport error, which the page retries).
    const refusals = outcomes.filter((o) => o !== 'connected');
    expect(refusals).toContain(BUSY);
    expect(refusals.filter((o) => o !== BUSY && o !== 'websocket error')).toEqual([]);
    // Phones arriving one at a time, the way the page connects (polling first), are taken while
    // there is room (refused sockets still closing took some) and then told the same.
    let late = 'connected';
    for (let i = 0; i < LATE_PHONES && late === 'connected'; i++) {
      const arrival = floodingPhone(server.url, ['polling', 'websocket']);
      flood.push(arrival.socket);
      late = await arrival.settled;
    }
    expect(late).toBe(BUSY);
    expect(server.output()).toMatch(/Turning away phones and tablets: [\d,]+ connections are open/);
  }, SETTLE_MS);

  it(`keeps the store's files when ${FLOOD} connections from one address never say a word`, async () => {
    const server = await startLimited();
    const phone = await connectStudent(server.url, studentKey());
    const { port } = new URL(server.url);
    await floodWith(() => {
      const socket = net.connect(Number(port), '127.0.0.1');
      socket.on('error', () => {}); // one past the limit is closed at once: a reset, expected
      const settled = new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('close', () => resolve('closed'));
      });
      return { socket, settled };
    });
    for (const reply of await writes(phone)) expect(reply).toMatchObject({ ok: true });
  }, SETTLE_MS);
});
