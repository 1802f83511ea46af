// Issue 11, lows on the relay's HTTP server, over raw sockets: nothing a client half-sends, garbles or leaves
// unread may hold a connection (a file descriptor) open. Refusals answered before the body is read close the
// connection; a request the parser rejects gets its 400 and the socket is let go at once; half-sent requests are
// cut at the configured headers/request timeouts.
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, createRelay } from '../../../relay/index';
import type { RelayHandle } from '../../../relay/index';
import { addStore, cleanupDirs, post, tempDir, webhook } from './support/relay-fixture';

const relays: RelayHandle[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close();
});
afterAll(cleanupDirs);

async function relayWith(
  options: Record<string, number> = {},
  clock?: { now(): number },
): Promise<RelayHandle> {
  const relay = await createRelay(
    { dataDir: tempDir(), ...options },
    { logger: createLogger({ sink: () => undefined }), ...(clock ? { clock } : {}) },
  );
  relays.push(relay);
  return relay;
}

/** A raw connection to the relay: what it sent back so far, and promises for its answer's head and its close. */
function rawConnection(relay: RelayHandle, options: { allowHalfOpen?: boolean } = {}) {
  const socket = connect({
    port: relay.port,
    host: '127.0.0.1',
    allowHalfOpen: options.allowHalfOpen ?? false,
  });
  let received = '';
  const head = new Promise<{ status: number; headers: string }>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const text = received.slice(0, end);
      resolve({ status: Number(text.split(' ')[1]), headers: text.toLowerCase() });
    });
  });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const ended = new Promise<void>((resolve) => socket.on('end', () => resolve()));
  // Resets are expected in these tests; the write that meets one reports it.
  socket.on('error', () => undefined);
  return { socket, head, closed, ended };
}

/** The relay's own count of open TCP connections, from its metrics. */
async function openConnections(relay: RelayHandle): Promise<number> {
  return Number(/^relay_open_connections (\d+)$/m.exec(await relay.metricsText())?.[1] ?? NaN);
}

/** Request headers that promise a 1,000-byte body, followed by only the first few bytes of it. */
function halfSentPost(path: string): string {
  return `POST ${path} HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"re`;
}

const write = (socket: Socket, text: string): void => {
  socket.once('connect', () => socket.write(text));
};

describe('relay HTTP refusals before the body is read', () => {
  it('close the connection instead of waiting for the unread body', async () => {
    // The rate limit's clock stands still: the emptied bucket cannot refill however slowly the cases run.
    const standing = Date.UTC(2026, 0, 15, 12);
    const relay = await relayWith({ ingressBurst: 1 }, { now: () => standing });
    const store = await addStore(relay);
    const secretless = store.ingressPath.slice(0, store.ingressPath.lastIndexOf('/') + 1);
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(200);
    const cases: [string, number][] = [
      [`/v1/kushki/${store.storeId}/wrong-secret`, 401],
      [secretless, 401],
      ['/v1/kushki/', 404],
      ['/nowhere', 404],
      ['/v1/stream', 426],
      [store.ingressPath, 429],
    ];
    for (const [path, status] of cases) {
      const c = rawConnection(relay);
      write(c.socket, halfSentPost(path));
      const answer = await c.head;
      expect(answer.status, path).toBe(status);
      expect(answer.headers, path).toContain('\r\nconnection: close');
      await c.closed;
    }
    // GET on the ingress path, and a body declared too large (to a store with tokens left), likewise.
    const fresh = await addStore(relay, 'Fresh');
    for (const [request, status] of [
      [`GET ${store.ingressPath} HTTP/1.1\r\nHost: relay\r\nContent-Length: 1000\r\n\r\n`, 405],
      [`POST ${fresh.ingressPath} HTTP/1.1\r\nHost: relay\r\nContent-Length: 99999999\r\n\r\n`, 413],
    ] as const) {
      const c = rawConnection(relay);
      write(c.socket, request);
      const answer = await c.head;
      expect(answer.status).toBe(status);
      expect(answer.headers).toContain('\r\nconnection: close');
      await c.closed;
    }
  });
});

describe('relay HTTP parse errors', () => {
  it('answer 400 and let go of the socket at once, even when the client keeps its side open', async () => {
    const relay = await relayWith();
    const c = rawConnection(relay, { allowHalfOpen: true });
    write(c.socket, 'NOT HTTP AT ALL\r\n\r\n');
    expect((await c.head).status).toBe(400);
    await c.ended;
    // The client never closes its side; the relay must still have let go of the connection (a half-closed
    // socket would hold its descriptor for as long as the client liked).
    await expect.poll(() => openConnections(relay)).toBe(0);
    expect(c.socket.destroyed).toBe(false);
    c.socket.destroy();
  });
});

describe('relay stream refusals', () => {
  it('let go of the socket once the refusal is written, even when the client keeps its side open', async () => {
    const relay = await relayWith();
    const c = rawConnection(relay, { allowHalfOpen: true });
    write(
      c.socket,
      'GET /v1/stream HTTP/1.1\r\nHost: relay\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
        'Authorization: Bearer crt_not-a-token\r\n\r\n',
    );
    expect((await c.head).status).toBe(401);
    await c.ended;
    await expect.poll(() => openConnections(relay)).toBe(0);
    c.socket.destroy();
  });
});

describe('relay HTTP timeouts', () => {
  it('cut connections that send nothing, half their headers, or half their body', async () => {
    const relay = await relayWith({ headersTimeoutMs: 200, requestTimeoutMs: 400 });
    const store = await addStore(relay);
    const silent = rawConnection(relay);
    const halfHeaders = rawConnection(relay);
    write(halfHeaders.socket, 'POST /v1/kushki/x/y HTTP/1.1\r\nHost: relay\r\nContent-');
    const halfBody = rawConnection(relay);
    write(halfBody.socket, halfSentPost(store.ingressPath));
    await Promise.all([silent.closed, halfHeaders.closed, halfBody.closed]);
    expect((await silent.head).status).toBe(408);
    expect((await halfHeaders.head).status).toBe(408);
    // Nothing of the half-sent webhook was stored, and a whole one still is.
    const [summary] = await relay.admin.listStores();
    expect(summary?.lastSeq).toBe(0);
    expect((await post(relay.url, store.ingressPath, webhook(1))).status).toBe(200);
  });
});
