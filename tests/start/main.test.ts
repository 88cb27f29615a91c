// `npm start`'s server process as the organiser runs it: banner, token, restart, clear refusals.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_SERVER, SERVER_NODE_FLAGS } from '../../bench/serverFlags.ts';
import { freePort } from '../helpers.ts';
import { tempDir } from '../helpers.ts';

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Run { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function run(env: Record<string, string>): Run {
  const { ADMIN_TOKEN: _unset, ...base } = process.env;
  if (!fs.existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build\` first (npm test does).`);
  // The built server, as `npm start` runs it, with its flags.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, BUILT_SERVER], { env: { ...base, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(r: Run, text: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const match = r.output().match(text);
    if (match) return match;
    if (Date.now() > end || r.child.exitCode !== null) throw new Error(`No ${text} in output:\n${r.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const LINK = /(http:\/\/127\.0\.0\.1:\d+)\/admin#token=([A-Za-z0-9_-]+)/;

describe('starting the server', () => {
  it('prints the organiser link with the token in the fragment, keeps the token, and stops cleanly', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}`, TZ: 'America/New_York' };
    const first = run(env);
    const [, origin, token] = await until(first, LINK);
    expect(origin).toBe(`http://127.0.0.1:${port}`);
    expect(token!.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits
    expect(first.output()).not.toMatch(/[?&]token=/);
    expect(first.output()).toMatch(/[▀▄█]/); // the terminal QR code of the link
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${origin}/api/admin/booths`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(fs.statSync(path.join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);
    // A new fair is dated today in the laptop's time zone, so slots exist before anyone sets it.
    const fair = await (await fetch(`${origin}/api/admin/fair`, { headers: { authorization: `Bearer ${token}` } })).json();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    expect(fair).toMatchObject({ timeZone: 'America/New_York', date: today, slotMinutes: 20, windows: [{ start: '13:00', end: '17:00' }] });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'lock'))).toBe(false);

    const second = run(env);
    const [, , sameToken] = await until(second, LINK);
    expect(sameToken).toBe(token);
  });

  it('says in one sentence that the port is busy, and exits non-zero', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const dataDir = tempDir();
    dirs.push(dataDir);
    try {
      const r = run({ PORT: String(port), DATA_DIR: dataDir });
      expect(await r.exited).toBe(1);
      expect(r.output()).toContain(`port ${port} is busy`);
      expect(r.output()).toContain('set PORT to another port');
      expect(fs.existsSync(path.join(dataDir, 'lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('refuses a data folder it cannot write, and a second server on the same folder', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const notAFolder = path.join(dir, 'file');
    fs.writeFileSync(notAFolder, 'not a folder');
    const bad = run({ PORT: String(await freePort()), DATA_DIR: path.join(notAFolder, 'data') });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/Cannot write to the data folder .*Choose another with DATA_DIR\./);

    const dataDir = path.join(dir, 'data');
    const first = run({ PORT: String(await freePort()), DATA_DIR: dataDir });
    await until(first, /admin#token=/);
    const second = run({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another Boothlink server is already using the data folder/);
  });
});
