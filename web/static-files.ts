import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { staticTarget } from '../common/http/static-path';

/**
 * The same strict policy the Electron window gets: only our own scripts and styles, and sockets
 * only back to this host. No inline script, no eval, no frames, no plugins.
 */
export function contentSecurityPolicy(origin: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${wsOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Serves the built renderer from `root`; anything outside it, or missing, is a 404. */
export function createStaticHandler(root: string, origin: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = URL.canParse(req.url ?? '/', origin) ? new URL(req.url ?? '/', origin).pathname : null;
    const target = pathname === null ? ({ ok: false, status: 400 } as const) : staticTarget(root, pathname);
    if (!target.ok && target.status === 400) {
      // A malformed %-escape is the client's mistake, not a server failure (issue 11, lows).
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    if (!target.ok) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(target.file);
      res.writeHead(200, {
        'Content-Type': target.contentType,
        'Content-Security-Policy': contentSecurityPolicy(origin),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  };
}
