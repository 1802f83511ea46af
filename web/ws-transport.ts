import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../app/api/dispatch';
import type { HostMessage } from '../app/api/web-wire';
import { WEB_API_PATH } from '../app/api/web-wire';
import type { EventBus } from '../app/ports/event-bus.port';
import type { Logger } from '../app/ports/logger.port';
import { linkInvoke } from '../app/infra/registers/register-wire';

// The same call shape as a register's link (one schema for both).
const invokeMessage = linkInvoke;

/**
 * Largest frame a page may send: a contract call is small, except a catalog import's file (base64 of at
 * most CATALOG_FILE_MAX_BYTES, 8 MB, issue 13); anything bigger is a mistake or an attack.
 */
export const MAX_MESSAGE_BYTES = 12 * 1024 * 1024;

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so timingSafeEqual never throws and leaks no length.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** What a socket error may log: ws's error code (`WS_ERR_…`) or the errno, never a URL (it carries the token). */
function wsErrorFields(error: Error): Record<string, unknown> {
  const code = (error as NodeJS.ErrnoException).code;
  return { code: code ?? error.name };
}

/** Why an upgrade was refused, or undefined when it may proceed. */
export function refuseUpgrade(req: IncomingMessage, token: string, origin: string): string | undefined {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== WEB_API_PATH) return 'not found';
  // Host and Origin must both be this loopback host: that stops other sites and DNS rebinding.
  if (req.headers.host !== new URL(origin).host) return 'wrong host';
  if (req.headers.origin !== origin) return 'wrong origin';
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) return 'bad token';
  return undefined;
}

/**
 * Carries the contract over a WebSocket: each `invoke` goes through the same dispatch as Electron's
 * IPC, and every core event is pushed to every connected page.
 */
export function attachWebSocketTransport(options: {
  token: string;
  origin: string;
  dispatch: Dispatch;
  events: EventBus;
  logger: Logger;
  /** Called when the last open page disconnects (the core locks the register: issue 11). */
  onLastDisconnect?: () => void;
}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const send = (socket: WebSocket, message: HostMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  // Counted here rather than with wss.clients, whose order against our 'close' listener is ws's business.
  let open = 0;
  wss.on('connection', (socket) => {
    open += 1;
    const unsubscribe = options.events.subscribe((event) => send(socket, { type: 'event', ...event }));
    socket.on('close', () => {
      unsubscribe();
      open -= 1;
      if (open === 0) options.onLastDisconnect?.();
    });
    // ws reports a bad frame (too big, not UTF-8, RSV bits set…) here after it has begun closing this socket with
    // the matching code. Unheard, that 'error' throws and takes the whole host down (issue 11 finding 1).
    socket.on('error', (error) => options.logger.warn('websocket error', wsErrorFields(error)));
    socket.on('message', async (data, isBinary) => {
      let json: unknown;
      try {
        json = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        json = undefined;
      }
      const parsed = invokeMessage.safeParse(json);
      if (!parsed.success) {
        // A peer that speaks something else is not our page: close it rather than guess.
        socket.close(1008, 'malformed message');
        return;
      }
      const reply = await options.dispatch(parsed.data.channel, parsed.data.args);
      send(socket, { type: 'reply', id: parsed.data.id, reply });
    });
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      // Node hands the upgrade socket over without its own 'error' listener: a peer that resets during the
      // handshake or the refusal must cost that socket only.
      socket.on('error', () => socket.destroy());
      const refusal = refuseUpgrade(req, options.token, options.origin);
      if (refusal) {
        options.logger.warn('refused websocket', { reason: refusal, remote: req.socket.remoteAddress });
        socket.end(
          `HTTP/1.1 ${refusal === 'not found' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`,
        );
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
