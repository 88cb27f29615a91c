import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vitest/config';
import solid from 'vite-plugin-solid';

/** Writes a .gz beside each text file of the build; the server (sirv) sends it to browsers that accept gzip. */
function precompress(): Plugin {
  return {
    name: 'boothlink-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(path.resolve('dist'))) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
      }
    },
  };
}

/**
 * V8's explicit compile hint (Chrome 136 and later; other browsers see a comment), first in every
 * script of the build. V8 compiles a function only when it is first called, on the main thread,
 * unless the file says its functions run as it loads: then it compiles them as the file arrives,
 * off the main thread where it can. Each script here is a page's own code, and most of it runs when
 * the page opens. On the booth page, builds with and without it loaded in turn (2-core VM, load
 * 2.7-4.0): Lighthouse's total blocking time, median of 10, went from 229 to 168 ms and its score
 * from 96 to 98; the main thread's time over 12.5 ms a task after the first paint (real time,
 * median of 18) from 76 to 63 ms. Added once the code is minified, which would drop the comment.
 */
function compileHint(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'boothlink-compile-hint',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const output of Object.values(bundle)) if (output.type === 'chunk') output.code = HINT + output.code;
      },
    },
  };
}

/**
 * No test waits for a fixed time: each waits for what a user would see, up to PATIENCE_MS
 * (tests/helpers.ts) a wait, and expect.poll likewise. The whole-test limit is only a backstop
 * for a hang, far above what a busy shared 2-core machine needs (a browser flow takes 2-5 s quiet).
 */
const TEST_DEFAULTS = {
  environment: 'node',
  testTimeout: 300_000,
  hookTimeout: 300_000,
  expect: { poll: { timeout: 30_000 } },
} as const;
/** Client code in a simulated page; the subfolders of tests/client run in Node. */
const CLIENT_IN_JSDOM = 'tests/client/*.test.{ts,tsx}';
/**
 * The realtime suites that start their servers with no store or folder of their own: run again past
 * one machine, each server two processes behind a proxy (tests/postgres/onCluster.ts).
 */
const ON_CLUSTER = ['coreLoop', 'dashboard', 'pin', 'races', 'referrals', 'sync', 'version', 'visitors'].map((name) => `tests/realtime/${name}.test.ts`);

/** Asks once a run whether PostgreSQL and Redis answer, for the past-one-machine tests. */
const SERVICES = 'tests/postgres/services.ts';

// One config for the client build and for the tests.
export default defineConfig({
  root: 'client',
  plugins: [solid(), compileHint(), precompress()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2020',
    // Every asset stays a real file: the CSP forbids inline data.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    root: '.',
    projects: [
      {
        // The server and the browser flows run under plain Node resolution: the Solid plugin's
        // `browser` condition would hand engine.io the browser build of `ws`. So does client code
        // tried against a real server (tests/client/withServer).
        test: { ...TEST_DEFAULTS, name: 'server', root: '.', include: ['tests/**/*.test.ts'], exclude: [CLIENT_IN_JSDOM], setupFiles: ['tests/removeTempDirs.ts'], globalSetup: [SERVICES] },
      },
      {
        test: { ...TEST_DEFAULTS, name: 'cluster', root: '.', include: ON_CLUSTER, setupFiles: ['tests/removeTempDirs.ts', 'tests/postgres/onCluster.ts'], globalSetup: [SERVICES] },
      },
      {
        extends: true,
        test: {
          ...TEST_DEFAULTS,
          name: 'client',
          root: '.',
          include: [CLIENT_IN_JSDOM],
          environment: 'jsdom',
          server: { deps: { inline: [/@solidjs\/(router|testing-library)/] } },
        },
      },
    ],
  },
});
