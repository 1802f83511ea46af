// Baselines for bench:relay (issue 18 "Performance against smee.io"), each run as its own child process on
// 127.0.0.1 and driven by the same load generator and the same kind of clients as the relay:
//
// - `smee`: a smee.io-like forwarder. smee.io (probot/smee.io) is an Express app: POST /:channel parses the JSON
//   body, emits `{...headers, body, query, timestamp}` on an in-memory event bus, each subscriber of that channel
//   gets it as one Server-Sent Event, and the POST is answered 200. Nothing is stored: a webhook with no
//   subscriber, or one in flight when the process dies, is gone. Here the subscriber holds a WebSocket instead of
//   an SSE response (the same one-write-per-message cost, and the bench's clients stay one kind).
// - `ws`: a bare `ws` broadcast, the delivery ceiling: the raw body bytes go to the channel's socket unparsed.
// - `http`: a bare Node HTTP server that parses the JSON body and answers 200, the ingress ceiling.
//
// Usage (what processes.ts does): RELAY_BENCH_BASELINE=<smee|ws|http> node baseline-servers.cjs; it prints
// `listening at <url>`. (An environment variable rather than an argument, so importing CHANNEL_PREFIX starts
// nothing.)
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** The path a subscriber connects to and a webhook is posted to: `/c/<channel>`. */
export const CHANNEL_PREFIX = '/c/';

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function start(kind: 'smee' | 'ws' | 'http'): void {
  const channels = new Map<string, Set<WebSocket>>();
  const server = createServer((req, res) => {
    readAll(req).then(
      (body) => {
        const channel = (req.url ?? '/').slice(CHANNEL_PREFIX.length);
        if (kind === 'http') {
          JSON.parse(body.toString());
        } else if (kind === 'ws') {
          for (const ws of channels.get(channel) ?? []) ws.send(body, { binary: false });
        } else {
          // smee.io: `bus.emit(channel, { ...req.headers, body: req.body, query: req.query, timestamp })`, then
          // each subscriber's SSE handler serialises the message once.
          const message = {
            ...req.headers,
            body: JSON.parse(body.toString()) as unknown,
            query: {},
            timestamp: Date.now(),
          };
          for (const ws of channels.get(channel) ?? []) ws.send(JSON.stringify(message));
        }
        res.writeHead(200).end();
      },
      () => res.destroy(),
    );
  });
  if (kind !== 'http') {
    const wss = new WebSocketServer({ server });
    wss.on('connection', (ws, req) => {
      const channel = (req.url ?? '/').slice(CHANNEL_PREFIX.length);
      let set = channels.get(channel);
      if (!set) channels.set(channel, (set = new Set()));
      set.add(ws);
      ws.on('close', () => set.delete(ws));
      ws.send('{"type":"ready"}');
    });
  }
  server.listen(0, '127.0.0.1', () => {
    console.log(`listening at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

const kind = process.env['RELAY_BENCH_BASELINE'];
if (kind === 'smee' || kind === 'ws' || kind === 'http') start(kind);
