import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostedCore } from '../app/host/store-host';
import type { Logger } from '../app/ports/logger.port';
import { createStaticHandler } from './static-files';
import { attachWebSocketTransport } from './ws-transport';

/** A running web shell. */
export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the contract on 127.0.0.1 only. The token is fresh for every launch, so
 * a page or program that did not get the printed URL cannot call the API.
 */
export async function startWebHost(options: {
  core: HostedCore;
  port: number;
  rendererDir: string;
  logger: Logger;
}): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  // After listening, a server error (e.g. EMFILE on accept) is logged rather than left to crash the host.
  server.on('error', (error: NodeJS.ErrnoException) =>
    options.logger.error('web host server error', { code: error.code ?? error.name }),
  );
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const serveStatic = createStaticHandler(options.rendererDir, origin);
  const transport = attachWebSocketTransport({
    token,
    origin,
    dispatch: options.core.dispatch,
    events: options.core.events,
    logger: options.logger,
    // The page that held the session is gone: whoever connects next must type a PIN.
    onLastDisconnect: () => options.core.lockSession('last_connection_closed'),
  });
  server.on('request', (req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      options.logger.error('static handler failed', { error });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => transport.handleUpgrade(req, socket, head));

  return {
    url: `${origin}/?token=${token}`,
    token,
    close: async () => {
      await transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
