// Child process: the physical floor — a bare socket.io server with no Boothlink code. Phones on
// /student, tablets on /rep in a room per booth. A `scan` is appended to a file and made durable
// with fdatasync before it is relayed to the booth's tablets and acknowledged: the promise our
// server makes. Like our journal it commits in groups: lines that arrive while a sync is running
// go out together in the next write + fdatasync. With `journal: false` it only holds sockets
// (the memory baseline). Commands on stdin: `memory`.
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { onCommand, say } from './child.ts';
import { settledMemory } from './memory.ts';

export interface Scan {
  id: string;
  booth: string;
  line: string;
}

const { recovery } = JSON.parse(process.argv[2]!) as { recovery: boolean };
const dir = mkdtempSync(path.join(os.tmpdir(), 'boothlink-floor-'));
const file = await open(path.join(dir, 'floor.jsonl'), 'a');

const server = http.createServer();
const io = new Server(server, {
  serveClient: false,
  ...(recovery ? { connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: false } } : {}),
});
const tablets = io.of('/rep');
tablets.on('connection', (socket) => void socket.join(`booth:${String(socket.handshake.auth.booth)}`));

type Done = (reply: { ok: true }) => void;
let queue: { scan: Scan; done: Done }[] = [];
let syncing = false;

async function commit(): Promise<void> {
  syncing = true;
  while (queue.length > 0) {
    const batch = queue;
    queue = [];
    await file.write(batch.map(({ scan }) => scan.line).join(''));
    await file.datasync();
    for (const { scan, done } of batch) {
      tablets.to(`booth:${scan.booth}`).emit('visitor:changed', scan);
      done({ ok: true });
    }
  }
  syncing = false;
}

io.of('/student').on('connection', (socket) => {
  socket.on('student:load', (done: (reply: unknown) => void) => done({ ok: true, data: {} }));
  socket.on('scan', (scan: Scan, done: Done) => {
    queue.push({ scan, done });
    if (!syncing) void commit();
  });
});

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
say('ready', { port: (server.address() as AddressInfo).port });
onCommand((command) => {
  if (command === 'memory') void settledMemory().then((reading) => say('memory', reading));
});
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
