// The load benchmark's processes: the server under test, the bare floor and the load generator
// each run in their own Node process (compiled by compile.ts), with the open-file limit raised to
// the hard limit (a socket is a file descriptor: 5,000 phones need 5,000 on each side).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** A child says things on stdout as `@@<kind> <json>` lines; anything else is shown only if it fails. */
const MESSAGE = /^@@(\w+) (.*)$/;

export interface Child {
  /** Resolves with the payload of the next `@@<kind>` line, or rejects if the child ends first or takes too long. */
  next<T>(kind: string, timeoutMs: number): Promise<T>;
  send(command: string): void;
  /** Ends the child (SIGKILL after a grace period) and waits for it. */
  stop(): Promise<void>;
}

export function say(kind: string, payload: unknown): void {
  process.stdout.write(`@@${kind} ${JSON.stringify(payload)}\n`);
}

/** Lines the parent writes to the child's stdin, one command each. */
export function onCommand(handler: (command: string) => void): void {
  let buffer = '';
  process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n')) !== -1) {
      handler(buffer.slice(0, end).trim());
      buffer = buffer.slice(end + 1);
    }
  });
  // The parent went away: do not linger holding thousands of sockets.
  process.stdin.on('end', () => process.exit(0));
}

/** Starts `node <nodeFlags> <script> <json args>`; `script` is a compiled .mjs file. */
export function startChild(script: string, args: unknown, nodeFlags: string[] = []): Child {
  const file = path.basename(script);
  const node = [process.execPath, ...nodeFlags, script, JSON.stringify(args)].map(quote).join(' ');
  const child: ChildProcess = spawn('bash', ['-c', `ulimit -n "$(ulimit -Hn)" && exec ${node}`], { stdio: ['pipe', 'pipe', 'inherit'] });
  // A child that already exited (the generator ends by itself) must not crash us with EPIPE.
  child.stdin!.on('error', () => {});
  const seen: { kind: string; payload: unknown }[] = [];
  const waiting: (() => void)[] = [];
  let output = '';
  let ended: string | undefined;
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const match = MESSAGE.exec(line);
      if (match) seen.push({ kind: match[1]!, payload: JSON.parse(match[2]!) });
      else output += `${line}\n`;
    }
    for (const wake of waiting.splice(0)) wake();
  });
  const closed = new Promise<void>((resolve) => child.on('close', (code, signal) => {
    ended = signal ?? `exit code ${code}`;
    for (const wake of waiting.splice(0)) wake();
    resolve();
  }));
  return {
    async next<T>(kind: string, timeoutMs: number): Promise<T> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const index = seen.findIndex((message) => message.kind === kind);
        if (index !== -1) return seen.splice(index, 1)[0]!.payload as T;
        if (ended !== undefined) throw new Error(`${file} ended (${ended}) before saying "${kind}". Its output:\n${output}`);
        if (Date.now() > until) throw new Error(`${file} did not say "${kind}" within ${timeoutMs} ms. Its output:\n${output}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, until - Date.now()) + 1);
          waiting.push(() => { clearTimeout(timer); resolve(); });
        });
      }
    },
    send(command) {
      if (ended === undefined) child.stdin!.write(`${command}\n`);
    },
    async stop() {
      if (ended !== undefined) return;
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await closed;
      clearTimeout(timer);
    },
  };
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
