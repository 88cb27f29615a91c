import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// One config for the client build and for the tests.
export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2020',
    // Keeps every asset a real file: the CSP forbids inline data.
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
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    server: { deps: { inline: [/@solidjs\/(router|testing-library)/] } },
  },
});
