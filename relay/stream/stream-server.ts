// GET /v1/stream (WebSocket upgrade): authenticate the bearer token before upgrading, so a stranger never gets a
// socket. Failures are plain HTTP answers (401/404/503) with a reason code and no detail about the token.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_CLIENT_FRAME_BYTES, STREAM_PATH } from '../protocol/messages';
import { hashCredential } from '../stores/credentials';
import type { RelayStorage } from '../storage/storage';
import type { RelayMetrics } from '../ops/metrics';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';
import type { SessionRegistry } from './session-registry';
import { StreamSession } from './stream-session';

/** What the upgrade handler needs. */
export interface StreamServerDeps {
  storage: RelayStorage;
  registry: SessionRegistry;
  metrics: RelayMetrics;
  logger: Logger;
  isStopping: () => boolean;
}

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  503: 'Service Unavailable',
};

function answer(socket: Duplex, status: number, code: string, reason: string): void {
  const body = JSON.stringify({ error: code, reason });
  // Destroyed once the answer is written: an upgrade socket has no HTTP timeouts any more, and merely ending it
  // left it half-open for as long as the peer kept its side open (issue 11, lows).
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

/** The bearer token of an Authorization header, if well formed. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_\-.~+/]{1,256}=*)$/.exec(header ?? '');
  return m?.[1];
}

/** Builds the upgrade handler to attach to the HTTP server's 'upgrade' event. */
export function createStreamServer(deps: StreamServerDeps): {
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => void;
} {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });

  const reject = (socket: Duplex, status: number, code: string, reason: string): void => {
    deps.metrics.rejectStream(code);
    deps.logger.warn('stream refused', { status, code });
    answer(socket, status, code, reason);
  };

  const handleUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    // A client that vanishes mid-handshake must not raise an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0];
    if (path !== STREAM_PATH) return reject(socket, 404, 'not_found', 'no such endpoint');
    if (deps.isStopping()) return reject(socket, 503, 'shutting_down', 'relay is restarting; retry');
    const token = bearerToken(req.headers.authorization);
    if (token === undefined)
      return reject(socket, 401, 'missing_token', 'Authorization: Bearer <token> required');
    // Tokens are looked up by their SHA-256, so the comparison never touches the token's bytes directly.
    const store = await deps.storage.findStoreByTokenHash(hashCredential(token));
    if (!store) return reject(socket, 401, 'unauthorized', 'unknown or revoked token');
    // See [Note: one stream across instances]: the newest connection takes the stream from wherever it is.
    if (!(await deps.registry.claim(store.id)))
      return reject(socket, 503, 'stream_busy', 'another relay instance holds this stream; retry');
    if (socket.destroyed) return deps.registry.abandon(store.id);
    let attached = false;
    // ws answers a malformed handshake itself and never calls back: the claim must not outlive the socket.
    socket.once('close', () => {
      if (!attached) deps.registry.abandon(store.id);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      attached = true;
      deps.registry.attach(new StreamSession(ws, store, deps.registry, socket));
    });
  };

  return {
    handleUpgrade: (req, socket, head) => {
      handleUpgrade(req, socket, head).catch((err: unknown) => {
        deps.logger.error('stream upgrade failed', errorFields(err));
        if (!socket.destroyed) answer(socket, 503, 'internal_error', 'try again');
      });
    },
    close: () => wss.close(),
  };
}
