/**
 * A TCP proxy on 127.0.0.1 that can freeze: it stops forwarding bytes in both directions while every
 * socket stays open — the "looks connected, receives nothing" failure a watchdog must catch.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface FreezableProxy {
  url: string;
  connections: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

/** Proxies to `target` (http://127.0.0.1:port). */
export async function startFreezableProxy(target: string): Promise<FreezableProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let frozen = false;
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    // Frozen connections swallow bytes; new connections made after a thaw work normally.
    const born = frozen;
    client.on('data', (chunk) => {
      if (!frozen && !born) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!frozen && !born) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get connections() {
      return connections;
    },
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
