// Every HTTP request: security headers, then /healthz, the API, or the built client.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEALTHZ } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import { adminRoutes } from './routes/admin.ts';
import { boothPageRoutes } from './routes/boothPage.ts';
import { createOrganiserCheck, SIGN_IN } from './plumbing/auth.ts';
import { downloadRoutes } from './routes/downloads.ts';
import { exportRoutes } from './routes/exports.ts';
import { pairRoutes } from './routes/pair.ts';
import { purgeRoutes } from './routes/purge.ts';
import { repPackageRoutes } from './routes/repPackage.ts';
import { HttpError, sendError, sendJson } from './plumbing/respond.ts';
import { findRoute, route, type Route } from './plumbing/router.ts';
import { setSecurityHeaders } from './plumbing/security.ts';
import { everyCommit } from '../store/store.ts';
import { createStatic } from './plumbing/static.ts';

const SERVER_ERROR = 'Something went wrong on the server. Try again.';
const NO_API = 'There is nothing at this API address. Check the address and the method.';

export function createHttpHandler(deps: Deps): (req: IncomingMessage, res: ServerResponse) => void {
  const isOrganiser = createOrganiserCheck(deps.adminToken);
  const { log } = deps;
  const serveStatic = createStatic(deps.config.distDir);
  const routes: Route[] = [
    route('GET', HEALTHZ, ({ res }) => sendJson(res, 200, { ok: true })),
    ...pairRoutes(deps.limits),
    ...downloadRoutes,
    ...adminRoutes,
    ...exportRoutes,
    ...purgeRoutes,
    ...repPackageRoutes,
    ...boothPageRoutes(deps.config.distDir, ({ req, res }) => serveStatic(req, res)),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const { pathname } = url;
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (pathname.startsWith('/api/admin/') && !isOrganiser(req)) {
      return sendError(res, 401, { code: 'UNAUTHORIZED', message: SIGN_IN }, { 'WWW-Authenticate': 'Bearer' });
    }
    const found = findRoute(routes, req.method ?? 'GET', pathname);
    if (found && 'route' in found) {
      // Past one machine a page, download or export reads what every process committed (commands
      // catch up in their turn).
      if (req.method === 'GET' || req.method === 'HEAD') await everyCommit(deps.store);
      return found.route.handle({ req, res, deps, params: found.params, url });
    }
    if (found) {
      const allow = found.allow.includes('GET') ? [...found.allow, 'HEAD'] : found.allow;
      return sendError(res, 405, { code: 'INVALID', message: `This address answers ${allow.join(', ')} only.` }, { Allow: allow.join(', ') });
    }
    if (isApi) return sendError(res, 404, { code: 'NOT_FOUND', message: NO_API });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, { code: 'INVALID', message: 'Pages answer GET only.' }, { Allow: 'GET, HEAD' });
    }
    serveStatic(req, res);
  }

  function fail(req: IncomingMessage, res: ServerResponse, url: URL, error: unknown): void {
    if (error instanceof HttpError) {
      if (!res.headersSent) sendError(res, error.status, error.body, error.headers);
      return;
    }
    // A client that went away mid-download is not a server fault.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code !== 'ERR_STREAM_PREMATURE_CLOSE' && !req.destroyed) {
      // The route's pattern, the error's type and where it was thrown: no message, no ids, no personal data.
      const pattern = findRoute(routes, req.method ?? 'GET', url.pathname);
      const where = pattern && 'route' in pattern ? pattern.route.path.source : url.pathname.startsWith('/api/') ? '/api/…' : '(static)';
      const stack = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 4).map((l) => l.trim()).join(' | ') : '';
      log(`HTTP 500 on ${req.method} ${where}: ${error instanceof Error ? error.name : typeof error} ${stack}`);
    }
    if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: SERVER_ERROR });
    else res.destroy();
  }

  return (req, res) => {
    // socket.io's polling transport answers /socket.io/ itself on this same server.
    if (req.url?.startsWith('/socket.io/')) return;
    setSecurityHeaders(req, res, deps.config);
    let url: URL;
    try {
      // Prefixed, not resolved: "//x" must stay a path, not become a host.
      url = new URL(`http://boothlink.invalid${req.url?.startsWith('/') ? req.url : '/'}`);
    } catch {
      sendError(res, 400, { code: 'INVALID', message: 'That address is not valid.' });
      return;
    }
    handle(req, res, url).catch((error: unknown) => fail(req, res, url, error));
  };
}
