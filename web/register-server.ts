/**
 * The store server's listener for registers (issue 17, deliverables 2 and 5), started only with
 * `--serve-registers <host:port>`: HTTPS and WSS with the store's self-signed certificate
 * (app/infra/security/tls-identity.ts). Two things happen on it:
 *
 * - `POST /registers/pair`: a register proves it knows the manager's pairing code (see
 *   [Note: pairing proofs]) and receives its id and credential.
 * - `GET /registers/link` (WebSocket): a register's authenticated link, refused unless its
 *   credential matches the stored hash and it is not revoked; closed at once when the manager revokes it.
 *   It carries the contract for that register (web/register-link-calls.ts).
 *
 * Anything else gets 404, and a peer that does not speak TLS never gets past the handshake. The
 * renderer's own page and API stay on the loopback web host; nothing of it is served here.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeUtf8, readBody } from '../common/http/read-body';
import type { Logger } from '../app/ports/logger.port';
import type { RegistersService } from '../app/services/registers/registers.service';
import { registerProof, sameProof, serverProof } from '../app/infra/registers/pairing-proof';
import type { TlsIdentity } from '../app/infra/security/tls-identity';
import type { HostedRegisters } from '../app/host/store-host';
import { serveRegisterLink } from './register-link-calls';
import {
  CLOSE_REVOKED,
  LINK_PATH,
  PAIR_PATH,
  REGISTER_ID_HEADER,
  pairRequest,
} from '../app/infra/registers/register-wire';

/** A running register listener. */
export interface RegisterServer {
  host: string;
  port: number;
  fingerprint: string;
  /** Registers connected right now (for tests and the log). */
  connected(): number;
  close(): Promise<void>;
}

const MAX_PAIR_BODY = 4096;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Starts listening for registers on `host:port` (port 0: the OS picks). */
export async function startRegisterServer(options: {
  host: string;
  port: number;
  identity: TlsIdentity;
  /** The current store's registers (the store host may switch stores). */
  registers: () => RegistersService;
  /** Each register's dispatch, events and lock, on the store open now. */
  core: HostedRegisters;
  logger: Logger;
}): Promise<RegisterServer> {
  const { identity, logger } = options;
  const server: Server = createServer({ key: identity.key, cert: identity.cert, minVersion: 'TLSv1.3' });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const links = new Map<WebSocket, number>();

  // A stranger speaking plain TCP or HTTP, or a TLS client that refuses our certificate.
  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket) => {
    logger.warn('register server refused a connection', {
      code: error.code ?? error.name,
      remote: socket.remoteAddress,
    });
    socket.destroy();
  });
  server.on('error', (error: NodeJS.ErrnoException) =>
    logger.error('register server error', { code: error.code ?? error.name }),
  );

  server.on('request', (req, res) => {
    handlePair(req, res).catch((error: unknown) => {
      logger.error('pairing failed', { error: (error as Error).name });
      if (!res.headersSent) reply(res, 500, { error: 'internal' });
    });
  });

  async function handlePair(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (new URL(req.url ?? '/', 'https://x').pathname !== PAIR_PATH)
      return reply(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') return reply(res, 405, { error: 'method_not_allowed' });
    const body = await readBody(req, { limit: MAX_PAIR_BODY });
    const text = body.ok ? decodeUtf8(body.body) : null;
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = pairRequest.safeParse(json);
    if (!parsed.success) return reply(res, 400, { error: 'validation_failed' });
    const { proof, name } = parsed.data;
    let codeUsed = '';
    const paired = options.registers().pair({
      name,
      matches: (code) => {
        codeUsed = code;
        return sameProof(proof, registerProof(code, identity.fingerprint));
      },
    });
    if (!paired.ok) {
      logger.warn('pairing refused', { code: paired.error.code, remote: req.socket.remoteAddress });
      return reply(res, paired.error.code === 'rate_limited' ? 429 : 403, { error: paired.error.code });
    }
    const { registerId, credential } = paired.value;
    logger.info('register paired', { registerId });
    reply(res, 200, {
      registerId,
      name: paired.value.name,
      credential,
      serverProof: serverProof(codeUsed, identity.fingerprint, registerId),
    });
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: string, reason: string) => {
      logger.warn('register link refused', { reason, remote: req.socket.remoteAddress });
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (new URL(req.url ?? '/', 'https://x').pathname !== LINK_PATH)
      return refuse('404 Not Found', 'not found');
    const registerId = Number(req.headers[REGISTER_ID_HEADER]);
    const bearer = /^Bearer ([\w-]{1,100})$/.exec(req.headers.authorization ?? '');
    if (!Number.isInteger(registerId) || registerId <= 0 || !bearer?.[1]) {
      return refuse('401 Unauthorized', 'no credential');
    }
    const registers = options.registers();
    const checked = registers.authenticate(registerId, bearer[1]);
    if (!checked.ok) return refuse('401 Unauthorized', checked.refusal);
    wss.handleUpgrade(req, socket, head, (ws) => {
      links.set(ws, registerId);
      const unsubscribe = registers.onRevoked((revoked) => {
        if (revoked === registerId) ws.close(CLOSE_REVOKED, 'revoked');
      });
      ws.on('error', (error) =>
        logger.warn('register link error', { code: (error as NodeJS.ErrnoException).code ?? error.name }),
      );
      // The welcome goes first: the link's events follow it, never precede it.
      ws.send(JSON.stringify({ type: 'welcome', registerId, name: checked.value.name }));
      const stopServing = serveRegisterLink({ ws, registerId, registers, core: options.core, logger });
      ws.on('close', () => {
        unsubscribe();
        stopServing();
        links.delete(ws);
        // The register's windows are gone with its link: whoever comes back types a PIN (as the
        // loopback host does for the server's own last page). Not while another link of it is open.
        if (![...links.values()].includes(registerId)) {
          options.core.lockRegister(registerId, 'last_connection_closed');
        }
        logger.info('register disconnected', { registerId });
      });
      logger.info('register connected', { registerId });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    fingerprint: identity.fingerprint,
    connected: () => links.size,
    close: async () => {
      for (const ws of links.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
