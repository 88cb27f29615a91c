// The built client (vite build) with the single-page fallback: /b/acme, /me, /rep, /admin → index.html.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { STATIC_FILES_AT_ONCE } from '../../limits/connections.ts';
import { fileSlots } from './fileSlots.ts';

const YEAR_S = 365 * 24 * 60 * 60;
const NOT_BUILT = 'The client is not built yet: run npm run build.';

/** Vite names every file under /assets/ by its content hash, so it never changes. */
function cacheHeaders(res: ServerResponse, pathname: string): void {
  res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
}

export function createStatic(distDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  // sirv lists the folder once when made (dev: false), so it is made once the build is there.
  let serve: ReturnType<typeof sirv> | undefined;
  const slots = fileSlots(STATIC_FILES_AT_ONCE);
  const notFound = (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end('There is nothing at this address.');
  };
  return (req, res) => {
    if (!serve && fs.existsSync(path.join(distDir, 'index.html'))) {
      // gzip: the build writes a .gz next to each text asset; venue Wi-Fi is slow at peak.
      serve = sirv(distDir, { dev: false, single: true, etag: true, gzip: true, setHeaders: cacheHeaders, onNoMatch: notFound });
    }
    if (!serve) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(NOT_BUILT);
      return;
    }
    // sirv pipes a file stream into the response, and pipe() neither destroys its source nor hears
    // its errors: a download cut short (a phone that walked out of the Wi-Fi) would keep its file
    // open for the life of the process, and a file that cannot be opened (no descriptor left, or
    // removed by a rebuild) would throw from the stream and stop the server.
    res.once('pipe', (file) => {
      file.once('error', () => res.destroy());
      res.once('close', () => file.destroy());
    });
    const send = serve;
    slots(res, () => send(req, res));
  };
}
