// What `npm start` runs: the bundle (dist-server/main.cjs, built by `npm run build`) through V8's
// code cache. Node 20 compiles the bundle's 1.2 MB at every start, and each function again the first
// time it runs; the cache, written by the first start after a build, holds the compiled code of all
// that ran by then. The next start skips that work: launch → /healthz went from 307 to 268 ms on an
// empty fair, from 1,148 to 1,051 ms at 100,000 introductions (medians of seven, 2-core VM). Built
// on its own (package.json), beside main.cjs.
//
// The cache is named by a hash of the bundle's text, Node's version and its flags: V8 itself checks
// only the text's length, so a rebuild of the same length must never meet an old cache. A cache V8
// refuses, or none, only costs the compiling; one that cannot be written (a read-only folder) is
// left unwritten.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { codeCacheName, isCodeCacheName } from './codeCache.ts';

/** Long enough for the start to have opened the fair and answered, so its functions are compiled. */
const WRITE_CACHE_AFTER_MS = 5000;

const file = path.join(__dirname, 'main.cjs');
const source = fs.readFileSync(file, 'utf8');
const cacheFile = path.join(__dirname, codeCacheName(source, process.version, process.execArgv));

let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // no cache yet: this start writes one
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
const main = new Module(file, module);
main.filename = file;
const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(main.exports, main.exports, Module.createRequire(file), main, file, __dirname);

if (cachedData === undefined || script.cachedDataRejected) setTimeout(writeCache, WRITE_CACHE_AFTER_MS).unref();

function writeCache(): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
    for (const name of fs.readdirSync(__dirname)) {
      if (isCodeCacheName(name) && path.join(__dirname, name) !== cacheFile) fs.rmSync(path.join(__dirname, name), { force: true });
    }
  } catch {
    fs.rmSync(temp, { force: true }); // a read-only folder, a full disk: the next start compiles, as without a cache
  }
}
