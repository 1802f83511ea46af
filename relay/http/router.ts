// HTTP routing of the relay. URLs are never logged: the ingress path carries a secret.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleIngress } from '../ingress/ingress-handler';
import type { IngressDeps } from '../ingress/ingress-handler';
import { STREAM_PATH } from '../protocol/messages';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';
import { credentialMatches, hashCredential } from '../stores/credentials';

/** What the router needs besides the ingress dependencies. */
export interface RouterDeps extends IngressDeps {
  health: () => Promise<{ ok: boolean; detail: Record<string, unknown> }>;
  /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>` (README "Operations"). */
  metricsToken?: string | undefined;
  logger: Logger;
}

const INGRESS = /^\/v1\/kushki\/([^/]{1,64})(?:\/([^/]*))?\/?$/;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** A refusal answered without reading the body: closing the connection keeps the unread body from holding it. */
function refuse(res: ServerResponse, status: number, body: unknown): void {
  res
    .writeHead(status, { 'content-type': 'application/json', connection: 'close' })
    .end(JSON.stringify(body));
}

/** Builds the request handler and a counter of ingress requests still in progress (for shutdown). */
export function createRouter(deps: RouterDeps): {
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  inFlight: () => number;
} {
  let inFlight = 0;
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const m = INGRESS.exec(path);
    if (m) {
      const secret = m[2];
      if (secret === undefined || secret === '') {
        deps.metrics.reject('missing_secret');
        return refuse(res, 401, {
          error: 'missing_secret',
          reason: 'the ingress path ends with the store secret',
        });
      }
      inFlight++;
      try {
        return await handleIngress(req, res, safeDecode(m[1] ?? ''), safeDecode(secret), deps);
      } finally {
        inFlight--;
      }
    }
    if (path.startsWith('/v1/kushki/')) {
      deps.metrics.reject('not_found');
      return refuse(res, 404, { error: 'not_found', reason: 'expected /v1/kushki/<storeId>/<secret>' });
    }
    if (req.method === 'GET' && path === '/healthz') {
      const h = await deps.health();
      return json(res, h.ok ? 200 : 503, { status: h.ok ? 'ok' : 'unhealthy', ...h.detail });
    }
    if (req.method === 'GET' && path === '/metrics') {
      if (!metricsAllowed(req, deps.metricsToken))
        return refuse(res, 401, { error: 'unauthorized', reason: 'metrics need the metrics token' });
      const text = await deps.metrics.text();
      res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(text);
      return;
    }
    if (path === STREAM_PATH)
      return refuse(res, 426, { error: 'upgrade_required', reason: 'WebSocket only' });
    return refuse(res, 404, { error: 'not_found', reason: 'no such endpoint' });
  };
  return {
    handle: (req, res) => {
      route(req, res).catch((err: unknown) => {
        // A bug must cost one request, never the process.
        deps.logger.error('request failed', errorFields(err));
        if (!res.headersSent) json(res, 500, { error: 'internal_error', reason: 'not stored; retry' });
        else res.destroy();
      });
    },
    inFlight: () => inFlight,
  };
}

/** Constant-time comparison of the bearer token with the configured one; open when none is configured. */
function metricsAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  return credentialMatches(given, hashCredential(token));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
