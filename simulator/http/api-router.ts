// Routes the Kushki API paths (§2.7 with the §8 aliases) and turns every kind of bad input into the documented
// `{ message: string[], responseCode }` shape. Order: body read → auth (001) → content type / JSON (002) → handler.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Runtime } from '../core/runtime';
import { handleCancel, handleGetStatus, handlePrint, handleRefund } from '../api/operation-handlers';
import { handlePush } from '../api/push-handler';
import { apiError, type ApiReply } from '../api/responses';
import { buildSchemas } from '../api/schemas';
import { createAuthCheck } from './auth';
import { isJsonContentType, parseJson, readBody } from './body';
import { sendJson } from './respond';

type Operation = 'push-v2' | 'push-v1' | 'status' | 'cancel' | 'refund' | 'print';

const POST_ROUTES: Readonly<Record<string, Operation>> = {
  '/v2/push-notifications': 'push-v2',
  '/push-notifications': 'push-v1',
  '/cancel-push-notification': 'cancel',
  '/v2/cancel-push-notification': 'cancel',
  '/push-notifications/cancel': 'cancel',
  '/refund': 'refund',
  '/v2/print-ticket': 'print',
  '/print-ticket': 'print',
  '/v2/push-notifications/print': 'print',
};

/** Creates the API request handler for one runtime. */
export function createApiRouter(runtime: Runtime) {
  const strict = buildSchemas(true);
  const lenient = buildSchemas(false);
  const authorised = createAuthCheck(runtime.token);

  return async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const started = performance.now();
    const at = runtime.clock.now();
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const operation: Operation | undefined =
      method === 'GET' && (path === '/get-status/' || path === '/get-status')
        ? 'status'
        : method === 'POST'
          ? POST_ROUTES[path]
          : undefined;
    const read = await readBody(req);
    if (read.kind === 'aborted') return;
    let reply: ApiReply;
    try {
      reply = await dispatch(operation, read.kind === 'ok' ? read.text : null, read.kind);
    } catch {
      // A bug, not an input problem: answer in the documented shape rather than dropping the socket.
      reply = { ...apiError('100', ['internal simulator error']), status: 500 };
    }
    await write(res, reply);
    runtime.logHttp({
      at,
      method,
      path: path + (url.search.length > 1 ? url.search : ''),
      status: reply.wire?.kind === 'lost' ? 0 : reply.status,
      responseCode: reply.responseCode,
      serialNumber: reply.serialNumber ?? null,
      uniqueReference: reply.uniqueReference ?? null,
      body: read.kind === 'ok' ? read.text.slice(0, 2048) : `<${read.kind}>`,
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });

    async function dispatch(op: Operation | undefined, text: string | null, kind: string): Promise<ApiReply> {
      // Unknown routes answer like NestJS ("Cannot POST /x") but in the documented error shape.
      if (op === undefined) return { ...apiError('002', [`Cannot ${method} ${path}`]), status: 404 };
      if (!authorised(req.headers)) return apiError('001', ['Unauthorized']);
      if (op === 'status') return handleGetStatus(runtime, url.searchParams);
      if (kind === 'too-large') return apiError('002', ['request entity too large (limit 64 KiB)']);
      if (kind === 'not-utf8') return apiError('002', ['request body must be UTF-8']);
      if (!isJsonContentType(req.headers['content-type'])) {
        return apiError('002', ['Content-Type must be application/json']);
      }
      const json = parseJson(text ?? '');
      if (!json.ok) return apiError('002', ['request body must be valid JSON']);
      const schemas = runtime.config.rejectUnknownFields ? strict : lenient;
      switch (op) {
        case 'push-v2':
          return handlePush(runtime, schemas, 'v2', json.value);
        case 'push-v1':
          return handlePush(runtime, schemas, 'v1', json.value);
        case 'cancel':
          return handleCancel(runtime, schemas, json.value);
        case 'refund':
          return handleRefund(runtime, schemas, json.value);
        case 'print':
          return handlePrint(runtime, schemas, json.value);
      }
    }
  };

  async function write(res: ServerResponse, reply: ApiReply): Promise<void> {
    if (reply.wire?.kind === 'lost') {
      // The request is registered but the client never hears back: the "unknown outcome" of lesson 2.
      res.socket?.destroy();
      return;
    }
    if (reply.wire?.kind === 'slow') await runtime.timers.sleep(reply.wire.simulatedMs);
    sendJson(res, reply.status, reply.body);
  }
}
