// The name of the bundle's code cache (server/launcher.ts): a hash of the bundle's text, Node's
// version and its flags, as V8 checks only the text's length. The benchmarks ask it too.
import { createHash } from 'node:crypto';

export const codeCacheName = (source: string, nodeVersion: string, flags: readonly string[]): string =>
  `main.${createHash('sha256').update(source).update(nodeVersion).update(flags.join(' ')).digest('hex').slice(0, 16)}.cache`;

/** Whether a file in the bundle's folder is one of these caches, of this build or another. */
export const isCodeCacheName = (name: string): boolean => /^main\.[0-9a-f]{16}\.cache$/.test(name);
