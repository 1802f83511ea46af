// `relay listen`: an operator's stream client (issue 18) — connect as the store's PC would, verify every frame's
// signature with the store's signing key (relay/protocol/verify-frame.ts), ack each event, print it as one JSON
// line. It keeps its cursor in memory only: `--after` says where to start. Exits 0 after `--count` events, 1 when
// a frame fails verification or the relay closes the stream.
import WebSocket from 'ws';
import { PROTOCOL_VERSION, STREAM_PATH } from './protocol/messages';
import { verifyFrame } from './protocol/verify-frame';

/** What `listen` needs. */
export interface ListenOptions {
  url: string;
  token: string;
  signingKey: string;
  storeId: string;
  after: number;
  count: number | undefined;
  write: (line: string) => void;
  warn: (line: string) => void;
}

/** Streams until `count` events (or forever); resolves with the exit code. */
export function listen(o: ListenOptions): Promise<number> {
  const wsUrl = o.url.replace(/^http/, 'ws').replace(/\/$/, '') + STREAM_PATH;
  const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${o.token}` } });
  let received = 0;
  return new Promise((resolve) => {
    const finish = (code: number): void => {
      ws.removeAllListeners('close');
      ws.close(1000);
      resolve(code);
    };
    ws.on('unexpected-response', (_req, res) => {
      o.warn(`relay refused the stream: HTTP ${res.statusCode ?? 0}`);
      resolve(1);
    });
    ws.on('error', (err) => {
      o.warn(`stream error: ${err.message}`);
      resolve(1);
    });
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, after: o.after })),
    );
    ws.on('close', (code, reason) => {
      o.warn(`stream closed by relay: ${code} ${reason.toString()}`);
      resolve(1);
    });
    ws.on('message', (data) => {
      const v = verifyFrame(o.signingKey, data.toString());
      if (!v.ok) {
        // An unknown (future) body type is skipped; anything else means the frame cannot be trusted.
        if (v.error.code === 'unknown_type') return;
        o.warn(`frame refused: ${v.error.code}`);
        return finish(1);
      }
      const body = v.body;
      if (body.type === 'heartbeat') ws.send(JSON.stringify({ type: 'ping' }));
      if (body.type !== 'event') return;
      if (body.storeId !== o.storeId) {
        o.warn('frame refused: event of another store');
        return finish(1);
      }
      o.write(JSON.stringify(body));
      ws.send(JSON.stringify({ type: 'ack', seq: body.seq }));
      if (o.count !== undefined && ++received >= o.count) finish(0);
    });
  });
}
