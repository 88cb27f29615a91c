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
 * The server as `npm start` runs it: bundled by `npm run build` (esbuild) with the client, so no
 * TypeScript is compiled at start, and its packages with it, so Node resolves and reads one file
 * instead of hundreds (an empty fair's launch -> /healthz: 365 ms with the packages left in
 * node_modules, 285 ms bundled). One CommonJS file: the packages written for CommonJS find
 * `require` and `__dirname` as they expect. ws's optional native helpers (bufferutil,
 * utf-8-validate) stay outside: they are not installed, and ws does without them. So do the
 * packages of past one machine (pg, redis, the Redis Streams adapter): node_modules has them, and
 * they load only when DATABASE_URL and REDIS_URL are set.
 * `npm test` and `npm run bench` build it first. `npm start` runs it through its launcher
 * (server/launcher.ts), which keeps V8's compiled code of it between starts.
 */
export const BUNDLED_SERVER = 'dist-server/main.cjs';
export const BUILT_SERVER = 'dist-server/start.cjs';
