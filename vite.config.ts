import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

const TEST_DEFAULTS = { environment: 'node', testTimeout: 20_000, hookTimeout: 60_000 } as const;

// One config for the client build and for the tests.
export default defineConfig({
  root: 'client',
  plugins: [solid()],
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
        // `browser` condition would hand engine.io the browser build of `ws`.
        test: { ...TEST_DEFAULTS, name: 'server', root: '.', include: ['tests/**/*.test.ts'], exclude: ['tests/client/**'] },
      },
      {
        extends: true,
        test: {
          ...TEST_DEFAULTS,
          name: 'client',
          root: '.',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          server: { deps: { inline: [/@solidjs\/(router|testing-library)/] } },
        },
      },
    ],
  },
});
