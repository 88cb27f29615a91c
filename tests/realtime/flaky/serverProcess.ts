// `server/main.ts` as its own process, so a test can SIGKILL it mid-write and start it again on the
// same data folder and port. Run as `node --import tsx` so the pid is the server's own (the tsx CLI
// would be a parent that SIGKILL cannot pass on).
import { spawn, type ChildProcess } from 'node:child_process';

const START_TIMEOUT_MS = 60_000; // a busy machine can take many seconds to start node

export interface ServerProcess {
  url: string;
  output(): string;
  kill(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

export async function startServerProcess(dataDir: string, port: number, adminToken: string): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: url, ADMIN_TOKEN: adminToken };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
