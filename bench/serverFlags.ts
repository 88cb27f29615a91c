// The V8 flags `npm start` gives the server (package.json "start"). The benchmarks run the server,
// and the floors they compare it with, under the same ones.
//
// --no-memory-reducer: when a process looks idle, V8 runs full collections to give memory back. On
// a fair of 100,000 introductions (a 400 MB heap) each is a 20+ ms pause plus incremental steps of
// up to 12 ms, at a moment when phones are still tapping: the durable acknowledgement's p99 over
// 20 s of 100 writes/s went from 14–21 ms to 2.9–3.1 ms without it. The laptop runs nothing else
// that needs the memory back.
export const SERVER_NODE_FLAGS = ['--no-memory-reducer'];

/**
 * The server as `npm start` runs it: bundled by `npm run build` (esbuild, packages left to
 * node_modules) with the client, so no TypeScript is compiled at start. `npm test` and
 * `npm run bench` build it first.
 */
export const BUILT_SERVER = 'dist-server/main.js';
