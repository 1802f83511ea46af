// The `/_sim/` control API. It takes no token: the simulator listens on 127.0.0.1 only, and the terminal page
// (which cannot hold the merchant's token) drives it. Browsers on other origins are kept out instead: the Host
// header must be the loopback address (no DNS rebinding), a foreign Origin is refused, and writes need
// `Content-Type: application/json`, which a cross-site form cannot send without a CORS preflight we never grant.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Result } from '../core/result';
import type { Runtime } from '../core/runtime';
import { MAGIC_AMOUNTS } from '../core/scenarios';
import { isJsonContentType, parseJson, readBody } from '../http/body';
import { sendJson } from '../http/respond';
import type { DeclineResult, CardBrand, TerminalInit, WebhookFault } from '../types';
import * as ops from './control-ops';
import * as schemas from './control-schemas';
import { streamEvents } from './event-stream';

type Reply = { status: number; body: unknown };

/** Creates the `/_sim/` handler; `initial` is what reset restores. */
export function createControlRouter(runtime: Runtime, initial: ops.InitialState) {
  return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const parts = url.pathname.split('/').filter(Boolean).slice(1).map(safeDecode);
    if (!sameOrigin(req)) {
      req.resume();
      return sendJson(res, 403, error('forbidden', 'control API accepts loopback same-origin requests only'));
    }
    if (method === 'GET' && parts[0] === 'events' && parts.length === 1) {
      return streamEvents(runtime, req, res, url.searchParams.get('serial'));
    }
    let body: unknown = undefined;
    if (method !== 'GET') {
      const read = await readBody(req);
      if (read.kind === 'aborted') return;
      if (read.kind !== 'ok')
        return sendJson(res, 400, error('invalid_input', 'body too large or not UTF-8'));
      if (read.text.trim() !== '') {
        if (!isJsonContentType(req.headers['content-type'])) {
          return sendJson(res, 415, error('invalid_input', 'Content-Type must be application/json'));
        }
        const parsed = parseJson(read.text);
        if (!parsed.ok) return sendJson(res, 400, error('invalid_input', 'body must be valid JSON'));
        body = parsed.value;
      } else if (req.headers['origin'] !== undefined && !isJsonContentType(req.headers['content-type'])) {
        // Browsers must always send JSON so cross-site requests need a (never granted) preflight.
        return sendJson(res, 415, error('invalid_input', 'Content-Type must be application/json'));
      }
    }
    let reply: Reply;
    try {
      reply = route(method, parts, body, url.searchParams);
    } catch (thrown) {
      reply = { status: 500, body: error('internal', (thrown as Error).message) };
    }
    sendJson(res, reply.status, reply.body);
  };

  function route(method: string, parts: string[], body: unknown, query: URLSearchParams): Reply {
    const [head, id, action] = parts;
    const key = `${method} ${head ?? ''}${id === undefined ? '' : '/:id'}${action === undefined ? '' : `/${action}`}`;
    switch (key) {
      case 'GET health':
        return { status: 200, body: { ok: true } };
      case 'GET state':
        return {
          status: 200,
          body: { config: ops.publicConfig(runtime.config), terminals: runtime.terminals.list() },
        };
      case 'GET config':
        return { status: 200, body: ops.publicConfig(runtime.config) };
      case 'PATCH config':
        return withBody(schemas.configPatchSchema, body, (patch) => ops.updateConfig(runtime, patch));
      case 'PUT webhook-url':
        return withBody(schemas.webhookUrlSchema, body, (b) => ops.setWebhookUrl(runtime, b.url));
      case 'GET webhooks': {
        const ref = query.get('uniqueReference');
        const attempts = runtime.webhooks.attempts.filter((a) => ref === null || a.uniqueReference === ref);
        return { status: 200, body: attempts };
      }
      case 'GET webhooks/:id':
        if (id === 'fault') return { status: 200, body: runtime.config.webhookFault };
        if (id === 'public-key') return { status: 200, body: { pem: runtime.signer.publicKeyPem() } };
        return notFound();
      case 'PUT webhooks/:id':
        if (id !== 'fault') return notFound();
        return withBody(schemas.webhookFaultSchema, body, (f) =>
          ops.setWebhookFault(runtime, f as WebhookFault),
        );
      case 'POST push-faults':
        return withBody(schemas.pushFaultSchema, body, (f) => {
          ops.injectPushFault(runtime, f.responseCode, f.count);
          return { ok: true, value: runtime.pushFaults };
        });
      case 'GET terminals':
        return { status: 200, body: runtime.terminals.list() };
      case 'POST terminals':
        return withBody(
          schemas.terminalCreateSchema,
          body,
          (t) => {
            const added = runtime.terminals.add(t as TerminalInit);
            if (added.ok) runtime.changed();
            return added.ok ? { ok: true, value: runtime.terminals.view(t.serialNumber) } : added;
          },
          201,
        );
      case 'GET terminals/:id': {
        const terminal = runtime.terminals.view(id as string);
        return terminal ? { status: 200, body: terminal } : notFound();
      }
      case 'PATCH terminals/:id':
        return withBody(schemas.terminalPatchSchema, body, (patch) => {
          const updated = runtime.terminals.update(id as string, patch as Omit<TerminalInit, 'serialNumber'>);
          if (!updated.ok) return updated;
          runtime.changed();
          runtime.bus.emit({ type: 'terminal.updated', terminal: runtime.terminals.view(id as string)! });
          return { ok: true, value: runtime.terminals.view(id as string) };
        });
      case 'GET requests': {
        const serial = query.get('serial');
        const list = [...runtime.engine.requests.values()].filter(
          (r) => serial === null || r.serialNumber === serial,
        );
        return { status: 200, body: list };
      }
      case 'GET requests/:id': {
        const request = runtime.engine.view(id as string);
        return request ? { status: 200, body: request } : notFound();
      }
      case 'POST requests/:id/approve':
        return withBody(schemas.approveSchema, body ?? {}, (o) =>
          ops.approveRequest(runtime, id as string, o as ops.ApproveInput),
        );
      case 'POST requests/:id/decline':
        return withBody(schemas.declineSchema, body ?? {}, (o) =>
          ops.declineRequest(runtime, id as string, o as { result?: DeclineResult; brand?: CardBrand }),
        );
      case 'POST requests/:id/cancel':
        return toReply(ops.customerCancel(runtime, id as string));
      case 'POST requests/:id/expire':
        return toReply(ops.expireRequest(runtime, id as string));
      case 'GET log':
        return { status: 200, body: runtime.httpLog.filter((e) => e.seq > Number(query.get('since') ?? 0)) };
      case 'GET tickets':
        return { status: 200, body: runtime.tickets };
      case 'GET magic-amounts':
        return { status: 200, body: MAGIC_AMOUNTS.map((m) => ({ cents: m.cents, summary: m.summary })) };
      case 'POST reset':
        ops.resetRuntime(runtime, initial);
        return { status: 200, body: { ok: true } };
      default:
        return notFound();
    }
  }

  function sameOrigin(req: IncomingMessage): boolean {
    const port = (req.socket.localPort ?? 0).toString();
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowed.some((host) => origin === `http://${host}`);
  }
}

function withBody<S extends z.ZodType, T>(
  schema: S,
  body: unknown,
  run: (input: z.infer<S>) => Result<T>,
  status = 200,
): Reply {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    return { status: 400, body: error('invalid_input', message) };
  }
  const result = run(parsed.data);
  return result.ok ? { status, body: result.value ?? { ok: true } } : toReply(result);
}

function toReply<T>(result: Result<T>): Reply {
  if (result.ok) return { status: 200, body: result.value ?? { ok: true } };
  const status = result.error.code === 'not_found' || result.error.code === 'unknown_terminal' ? 404 : 409;
  return { status: result.error.code === 'invalid_input' ? 400 : status, body: { error: result.error } };
}

function error(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

function notFound(): Reply {
  return { status: 404, body: error('not_found', 'no such control resource') };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
