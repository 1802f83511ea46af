// A test stream client over a real `ws` socket: sends hello, verifies every frame with the independent
// verifier, records events, acks them (unless told not to), and lets tests await conditions instead of sleeping.
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { independentVerify } from './independent-verifier';

export interface ReceivedEvent {
  seq: number;
  id: string;
  receivedAt: number;
  replay: boolean;
  storeId: string;
  payload: Record<string, unknown>;
}

export interface Body {
  type: string;
  [k: string]: unknown;
}

export interface ClientOptions {
  token: string | undefined;
  signingKey: string;
  after?: number | null;
  autoAck?: boolean;
  sendHello?: boolean;
  /** Send a ping whenever a heartbeat arrives (a well-behaved client). */
  answerHeartbeats?: boolean;
}

/** Result of trying to open a stream. */
export type ConnectResult = { ok: true; client: StreamClient } | { ok: false; status: number; body: string };

export class StreamClient extends EventEmitter {
  readonly events: ReceivedEvent[] = [];
  readonly bodies: Body[] = [];
  /** Raw frames as received, for signature checks in tests. */
  readonly frames: { id: string; timestamp: number; signature: string; body: string }[] = [];
  badSignatures = 0;
  closeCode: number | undefined;
  closeReason = '';
  readonly closed: Promise<number>;

  private constructor(
    readonly ws: WebSocket,
    private readonly opts: ClientOptions,
  ) {
    super();
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason.toString();
        this.emit('change');
        resolve(code);
      }),
    );
    ws.on('message', (data) => this.onFrame(data.toString()));
    ws.on('error', () => undefined);
  }

  /** Opens a stream; resolves with the HTTP status when the relay refuses the upgrade. */
  static connect(baseUrl: string, opts: ClientOptions): Promise<ConnectResult> {
    const headers: Record<string, string> = {};
    if (opts.token !== undefined) headers['authorization'] = `Bearer ${opts.token}`;
    const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/v1/stream', { headers });
    return new Promise((resolve) => {
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ ok: false, status: res.statusCode ?? 0, body }));
      });
      ws.once('error', () => resolve({ ok: false, status: 0, body: '' }));
      ws.once('open', () => {
        const client = new StreamClient(ws, opts);
        if (opts.sendHello !== false) client.send({ type: 'hello', protocol: 1, after: opts.after ?? 0 });
        resolve({ ok: true, client });
      });
    });
  }

  /** Connects and fails the test if refused. */
  static async open(baseUrl: string, opts: ClientOptions): Promise<StreamClient> {
    const r = await StreamClient.connect(baseUrl, opts);
    if (!r.ok) throw new Error(`stream refused: ${r.status} ${r.body}`);
    return r.client;
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** Resolves when `predicate` holds, re-checked on every frame and on close; rejects after `ms`. */
  until(predicate: () => boolean, what: string, ms = 15_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('change', check);
        reject(new Error(`timed out waiting for ${what}; have ${this.events.length} events`));
      }, ms);
      const check = (): void => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.off('change', check);
        resolve();
      };
      this.on('change', check);
    });
  }

  waitForEvents(n: number, ms?: number): Promise<void> {
    return this.until(() => this.events.length >= n, `${n} events`, ms);
  }

  /** Resolves with the first body of `type` received on this connection (possibly already received). */
  first(type: string, ms = 15_000): Promise<Body> {
    return this.until(() => this.bodies.some((b) => b.type === type), type, ms).then(
      () => this.bodies.find((b) => b.type === type) as Body,
    );
  }

  /** Resolves with the next body of `type` received from now on. */
  next(type: string, ms = 15_000): Promise<Body> {
    const start = this.bodies.length;
    return this.until(() => this.bodies.slice(start).some((b) => b.type === type), type, ms).then(
      () => this.bodies.slice(start).find((b) => b.type === type) as Body,
    );
  }

  close(): Promise<number> {
    this.ws.close(1000);
    return this.closed;
  }

  private onFrame(text: string): void {
    const frame = JSON.parse(text) as { id: string; timestamp: number; signature: string; body: string };
    this.frames.push(frame);
    if (!independentVerify(this.opts.signingKey, frame.id, frame.timestamp, frame.body, frame.signature)) {
      this.badSignatures++;
    }
    const body = JSON.parse(frame.body) as Body;
    this.bodies.push(body);
    if (body.type === 'event') {
      this.events.push(body as unknown as ReceivedEvent);
      if (this.opts.autoAck !== false) this.send({ type: 'ack', seq: body['seq'] });
    }
    if (body.type === 'heartbeat' && this.opts.answerHeartbeats !== false) this.send({ type: 'ping' });
    this.emit('change');
  }
}
