// Compiles the benchmark's child processes to plain JavaScript (vite's SSR build: our code
// bundled, packages left as imports from node_modules), so they run on bare `node`. Under
// `--import tsx` every process carries the TypeScript loader, ~50 MB of resident memory that
// would sit on both sides of the memory ratio and flatter it.
import path from 'node:path';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ENTRIES = ['boothlinkServer', 'clusterServer', 'floorServer', 'generator'] as const;
export type Entry = (typeof ENTRIES)[number];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds every entry into a new temporary folder under node_modules/.cache (inside the project, so
 * the compiled files' `import 'socket.io'` resolve); returns it (delete it after) and each file.
 */
export async function compileChildren(): Promise<{ dir: string; files: Record<Entry, string> }> {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'boothlink-load-'));
  const here = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: true,
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: {
        input: Object.fromEntries(ENTRIES.map((name) => [name, here(name)])),
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  const files = Object.fromEntries(ENTRIES.map((name) => [name, path.join(dir, `${name}.mjs`)])) as Record<Entry, string>;
  return { dir, files };
}
