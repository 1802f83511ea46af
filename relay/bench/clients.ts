// N stream clients for the benchmark, one per store, in this process: each verifies every frame's signature,
// acks every event, pings on each heartbeat, and reports each event's arrival to the caller.
import { Agent, get } from 'node:http';
import WebSocket from 'ws';
import { verifyFrame } from '../protocol/verify-frame';
import type { NewStoreCredentials } from '../stores/store-admin';
import { CHANNEL_PREFIX } from './baseline-servers';
import { sseReader } from './sse-reader';

/** Counters shared by all bench clients. */
export interface ClientStats {
  events: number;
  badFrames: number;
  duplicates: number;
  closed: number;
}

/** Opens one stream per store and resolves once every one of them has received `ready`. */
export async function connectClients(
  url: string,
  stores: readonly NewStoreCredentials[],
  onEvent: (storeIndex: number, payload: Record<string, unknown>) => void,
): Promise<{ stats: ClientStats; close: () => void }> {
  const stats: ClientStats = { events: 0, badFrames: 0, duplicates: 0, closed: 0 };
  const sockets: WebSocket[] = [];
  const wsUrl = url.replace(/^http/, 'ws') + '/v1/stream';
  const connectOne = (store: NewStoreCredentials, index: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${store.streamToken}` } });
      sockets.push(ws);
      let lastSeq = 0;
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 1, after: 0 })));
      ws.on('error', reject);
      ws.on('close', () => stats.closed++);
      ws.on('message', (data) => {
        const f = verifyFrame(store.signingKey, data.toString());
        if (!f.ok) {
          stats.badFrames++;
          return;
        }
        const body = f.body;
        if (body.type === 'ready') resolve();
        else if (body.type === 'heartbeat') ws.send('{"type":"ping"}');
        else if (body.type === 'event') {
          if (body.seq <= lastSeq) stats.duplicates++;
          else {
            lastSeq = body.seq;
            stats.events++;
            onEvent(index, body.payload);
          }
          ws.send(`{"type":"ack","seq":${body.seq}}`);
        }
      });
    });
  await inWaves(stores.length, (i) => connectOne(stores[i]!, i));
  return { stats, close: () => sockets.forEach((s) => s.terminate()) };
}

/** Connects in waves of 100 so the handshake burst does not trip connection backlogs. */
async function inWaves(count: number, connect: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => connect(i + j)));
  }
}

/** The webhook inside a baseline's message: smee's `{...headers, body}` envelope, or the message itself. */
function webhookOf(message: Record<string, unknown>): Record<string, unknown> {
  const body = message['body'];
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : message;
}

/**
 * One WebSocket subscriber per channel of a baseline (baseline-servers.ts: bare `ws`, thin forwarder): no
 * signature, no ack, no heartbeat: each message is the webhook itself (bare `ws`) or smee's envelope.
 */
export async function connectBaselineClients(
  url: string,
  channels: number,
  onEvent: (channel: number, payload: Record<string, unknown>) => void,
): Promise<{ stats: ClientStats; close: () => void }> {
  const stats: ClientStats = { events: 0, badFrames: 0, duplicates: 0, closed: 0 };
  const sockets: WebSocket[] = [];
  const wsUrl = url.replace(/^http/, 'ws') + CHANNEL_PREFIX;
  const connectOne = (channel: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl + String(channel));
      sockets.push(ws);
      ws.on('error', reject);
      ws.on('close', () => stats.closed++);
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as Record<string, unknown>;
        if (message['type'] === 'ready') return resolve();
        stats.events++;
        onEvent(channel, webhookOf(message));
      });
    });
  await inWaves(channels, connectOne);
  return { stats, close: () => sockets.forEach((s) => s.terminate()) };
}

/**
 * One EventSource-style subscriber per channel of the smee.io baseline: a GET answered as `text/event-stream` and
 * held open on a keep-alive connection, each `message` event the smee envelope as JSON (what the smee client
 * reads), `ready` once subscribed.
 */
export async function connectSseClients(
  url: string,
  channels: number,
  onEvent: (channel: number, payload: Record<string, unknown>) => void,
): Promise<{ stats: ClientStats; close: () => void }> {
  const stats: ClientStats = { events: 0, badFrames: 0, duplicates: 0, closed: 0 };
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const connectOne = (channel: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = get(
        `${url}${CHANNEL_PREFIX}${channel}`,
        { agent, headers: { accept: 'text/event-stream' } },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`SSE subscribe answered ${res.statusCode}`));
          res.setEncoding('utf8');
          const feed = sseReader((e) => {
            if (e.event === 'ready') return resolve();
            if (e.event !== 'message') return;
            try {
              onEvent(channel, webhookOf(JSON.parse(e.data) as Record<string, unknown>));
              stats.events++;
            } catch {
              stats.badFrames++;
            }
          });
          res.on('data', feed);
          res.on('close', () => stats.closed++);
        },
      );
      req.on('error', reject);
    });
  await inWaves(channels, connectOne);
  return { stats, close: () => agent.destroy() };
}
