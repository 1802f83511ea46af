// The simulator's single HTTP server: `/_sim/` control, pages, then the Kushki API. Binds 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../core/runtime';
import { createControlRouter } from '../control/control-routes';
import type { InitialState } from '../control/control-ops';
import { handlePage } from '../page/page-routes';
import { createApiRouter } from './api-router';
import { sendJson } from './respond';

/** A listening server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Starts the server on 127.0.0.1:`port` (0 = chosen by the OS). */
export function startServer(runtime: Runtime, initial: InitialState, port: number): Promise<RunningServer> {
  const api = createApiRouter(runtime);
  const control = createControlRouter(runtime, initial);
  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      req.resume();
      sendJson(res, 400, { message: ['malformed request target'], responseCode: '002' });
      return;
    }
    const handled = url.pathname.startsWith('/_sim/')
      ? control(req, res, url)
      : handlePage(runtime, req, res, url)
        ? Promise.resolve()
        : api(req, res, url);
    handled.catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, { message: ['internal simulator error'], responseCode: '100' });
      else res.destroy();
    });
  });
  // Slow-loris protection: a client that never finishes its headers or body is cut off.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      // Once listening, a server error (EMFILE on accept) must not end the process that embeds the simulator
      // (the app's demo mode runs it in-process); it has no logger, so one line on stderr says what happened.
      server.on('error', (error: NodeJS.ErrnoException) => {
        process.stderr.write(`simulator: server error ${error.code ?? error.name}\n`);
      });
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
