// Baselines for bench:relay (issue 18 "Performance against smee.io"), each run as its own child process on
// 127.0.0.1 and driven by the same load generator as the relay:
//
// - `smee`: smee.io's architecture. smee.io is an Express app: `express.json()` (and urlencoded) body parsing
//   and routing on every request; POST /:channel emits `{...headers, body, query, timestamp}` on an in-memory
//   event bus and answers 200; each subscriber holds a GET /:channel answered as `text/event-stream`, and gets
//   every message of its channel as one Server-Sent Event (`id:`/`data:` lines written with `res.write`). The
//   bench's smee clients read that stream over keep-alive HTTP as the smee client's EventSource does
//   (sse-reader.ts). Nothing is stored: a webhook with no subscriber, or in flight when the process dies, is gone.
//   Written here from that description, not copied.
// - `thin`: the thin forwarder this bench called "smee.io-like" before (issue 18, second session): a bare `http`
//   server that parses the body and sends smee's envelope over a WebSocket. About as light as the bare ceilings,
//   so far lighter than smee.io; kept, under its own name, so both are printed and nothing is hidden.
// - `ws`: a bare `ws` broadcast, the delivery ceiling: the raw body bytes go to the channel's socket unparsed.
// - `http`: a bare Node HTTP server that parses the JSON body and answers 200, the ingress ceiling.
//
// Usage (what processes.ts does): RELAY_BENCH_BASELINE=<kind> node baseline-servers.cjs; it prints
// `listening at <url>`. (An environment variable rather than an argument, so importing CHANNEL_PREFIX starts
// nothing.)
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

/** The path a subscriber connects to and a webhook is posted to: `/c/<channel>`. */
export const CHANNEL_PREFIX = '/c/';

/** The baselines this file serves. */
export const BASELINE_KINDS = ['smee', 'thin', 'ws', 'http'] as const;
/** One baseline. */
export type BaselineKind = (typeof BASELINE_KINDS)[number];

/** smee.io keeps each EventSource open with a comment line now and then; its period does not matter here. */
const SSE_KEEPALIVE_MS = 30_000;

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** smee.io's shape: Express, body parsers, an event bus, one SSE response per subscriber. */
function smeeServer(): Server {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: true }));
  app.get(`${CHANNEL_PREFIX}:channel`, (req, res) => {
    const channel = req.params.channel;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (message: { timestamp: number }): void =>
      void res.write(`id: ${message.timestamp}\ndata: ${JSON.stringify(message)}\n\n`);
    const keepAlive = setInterval(() => res.write(':\n\n'), SSE_KEEPALIVE_MS);
    bus.on(channel, send);
    req.on('close', () => {
      clearInterval(keepAlive);
      bus.off(channel, send);
    });
    res.write('event: ready\ndata: {}\n\n');
  });
  app.post(`${CHANNEL_PREFIX}:channel`, (req, res) => {
    bus.emit(req.params.channel, {
      ...req.headers,
      body: req.body as unknown,
      query: req.query,
      timestamp: Date.now(),
    });
    res.status(200).end();
  });
  return createServer(app);
}

/** The bare ceilings and the thin forwarder: plain `http`, plus `ws` subscribers for the two that deliver. */
function plainServer(kind: 'thin' | 'ws' | 'http'): Server {
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
  return server;
}

function start(kind: BaselineKind): void {
  const server = kind === 'smee' ? smeeServer() : plainServer(kind);
  server.listen(0, '127.0.0.1', () => {
    console.log(`listening at http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

const kind = process.env['RELAY_BENCH_BASELINE'];
const known = BASELINE_KINDS.find((k) => k === kind);
if (known) start(known);
