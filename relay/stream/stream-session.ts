// One store's stream connection: hello → ready → replay → live, with cumulative acks and flow control.
// [Note: one send path] Replay and live share one pump: the session only tracks `sentSeq` (highest seq sent)
// and the store's `knownLastSeq`; live events are parked in a small buffer and sent by the same loop that reads
// the backlog from storage. So a live event can never overtake a replayed one, and none is sent twice on a
// connection, whatever the interleaving of ingress and replay reads.
import type { WebSocket } from 'ws';
import type { RawData } from 'ws';
import { clientMessageSchema, CloseCode, PROTOCOL_VERSION } from '../protocol/messages';
import type { CloseCodeValue } from '../protocol/messages';
import type { RelayStorage, StoreRecord, StoredEvent } from '../storage/storage';
import type { RelayMetrics } from '../ops/metrics';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';
import { signingKeyBytes } from '../protocol/signature';
import { eventBody, signedFrame } from './frames';

/** Timings and limits a session uses. */
export interface SessionConfig {
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  helloTimeoutMs: number;
  maxInFlight: number;
}

/** What a session needs from its registry. */
export interface SessionHost {
  storage: RelayStorage;
  metrics: RelayMetrics;
  logger: Logger;
  config: SessionConfig;
  /** Time of the liveness rule (a client silent for heartbeatTimeoutMs is closed); tests control it. */
  now(): number;
  recordAck(storeId: string, seq: number): void;
  /** Latest ack recorded for the store but perhaps not yet flushed to storage (0 if none). */
  pendingAck(storeId: string): number;
  detach(session: StreamSession): void;
}

const READ_PAGE = 200;
/** Backoff of a failed stream read: first retry after this, doubling up to the cap. */
const READ_RETRY_FIRST_MS = 50;
const READ_RETRY_MAX_MS = 2000;

/** `{"type":"ack","seq":<n>}` exactly as JSON.stringify writes it; any other spelling goes through the schema. */
const ACK_FRAME = /^\{"type":"ack","seq":(0|[1-9]\d{0,15})\}$/;

function keyBytesOf(store: StoreRecord): Buffer {
  const bytes = signingKeyBytes(store.signingKey);
  if (!bytes) throw new Error('stored signing key is malformed');
  return bytes;
}

/** A live stream connection of one store. */
export class StreamSession {
  state: 'awaiting-hello' | 'starting' | 'streaming' | 'closed' = 'awaiting-hello';
  lastClientAt: number;
  sentSeq = 0;
  ackedSeq = 0;
  knownLastSeq = 0;
  private replayUntil = 0;
  private readonly buffer = new Map<number, StoredEvent>();
  private readonly inFlight = new Map<number, number>();
  private pumping = false;
  private pumpAgain = false;
  private keyBytes: Buffer;
  private helloTimer: NodeJS.Timeout | undefined;
  private corked = false;
  private killTimer: NodeJS.Timeout | undefined;
  private readRetryTimer: NodeJS.Timeout | undefined;
  private readRetryMs = READ_RETRY_FIRST_MS;

  constructor(
    private readonly ws: WebSocket,
    private store: StoreRecord,
    private readonly host: SessionHost,
    /** The connection's socket (ws writes to it), corked while frames are sent in one go; see send(). */
    private readonly socket?: { cork(): void; uncork(): void },
  ) {
    this.keyBytes = keyBytesOf(store);
    this.knownLastSeq = store.lastSeq;
    this.lastClientAt = host.now();
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.cleanup());
    // ws reports a bad frame (too big, not UTF-8, RSV bits set…) here after it has begun closing this socket with
    // the matching code; the close handler cleans up. Unheard, this 'error' would throw and end the relay (issue
    // 11 finding 1). Only ws's code is logged: its messages are fixed texts, but a frame's bytes never are.
    ws.on('error', (err: NodeJS.ErrnoException) => {
      host.metrics.rejectStream('protocol_error');
      host.logger.warn('stream socket error', { storeId: this.storeId, wsCode: err.code ?? err.name });
    });
    this.helloTimer = setTimeout(
      () => this.close(CloseCode.helloTimeout, 'hello_timeout'),
      host.config.helloTimeoutMs,
    );
  }

  /** The store this connection belongs to. */
  get storeId(): string {
    return this.store.id;
  }

  /** Hash of the token this connection authenticated with. */
  get tokenHash(): string {
    return this.store.tokenHash;
  }

  /** Takes a refreshed store record (a rotated signing key applies to the next frame). */
  updateStore(store: StoreRecord): void {
    this.store = store;
    this.keyBytes = keyBytesOf(store);
  }

  /** Sends a heartbeat, or closes the connection when the client has been silent too long. */
  tick(now: number): void {
    if (this.state === 'closed') return;
    if (now - this.lastClientAt > this.host.config.heartbeatTimeoutMs) {
      this.host.metrics.rejectStream('heartbeat_timeout');
      this.close(CloseCode.heartbeatTimeout, 'heartbeat_timeout');
      return;
    }
    if (this.state !== 'streaming') return;
    this.send(
      JSON.stringify({
        type: 'heartbeat',
        storeId: this.storeId,
        lastSeq: this.knownLastSeq,
        sentSeq: this.sentSeq,
        ackedSeq: this.ackedSeq,
        serverTime: now,
      }),
    );
  }

  /** Newly stored events of this store (any order of arrival relative to replay). */
  notify(events: readonly StoredEvent[]): void {
    for (const e of events) {
      if (e.seq > this.knownLastSeq) this.knownLastSeq = e.seq;
      // Park only what the pump will need soon; anything else is read back from storage.
      if (
        this.state === 'streaming' &&
        e.seq > this.sentSeq &&
        this.buffer.size < this.host.config.maxInFlight * 4
      ) {
        this.buffer.set(e.seq, e);
      }
    }
    if (this.state === 'streaming') void this.pump();
  }

  /** Another instance stored events up to `lastSeq`: the pump reads them from storage. */
  advance(lastSeq: number): void {
    if (lastSeq <= this.knownLastSeq) return;
    this.knownLastSeq = lastSeq;
    if (this.state === 'streaming') void this.pump();
  }

  /** Closes with a code from PROTOCOL.md §6; a peer that does not finish the handshake is cut after 1 s. */
  close(code: CloseCodeValue, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.host.metrics.closed(code);
    this.host.logger.info('stream closed by relay', { storeId: this.storeId, code, reason });
    this.ws.close(code, reason);
    this.killTimer = setTimeout(() => this.ws.terminate(), 1000);
    this.killTimer.unref();
    this.cleanup();
  }

  private cleanup(): void {
    if (this.state !== 'closed') {
      this.state = 'closed';
      this.host.logger.info('stream closed by client', { storeId: this.storeId });
    }
    clearTimeout(this.helloTimer);
    clearTimeout(this.readRetryTimer);
    this.buffer.clear();
    this.inFlight.clear();
    this.host.detach(this);
  }

  private send(body: string, id?: string): void {
    if (this.state === 'closed') return;
    // Frames sent in the same turn (a replay page, a batch of live events, a heartbeat with them) leave in one
    // socket write instead of one writev each, which was the relay's top self time with 1,000 streams (issue 18).
    // Uncorked on the next tick, so nothing waits for more than the current synchronous run.
    if (this.socket && !this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket?.uncork();
      });
    }
    this.ws.send(signedFrame(this.keyBytes, body, id));
  }

  private protocolError(reason: string, code: CloseCodeValue = CloseCode.badMessage): void {
    this.host.metrics.rejectStream(reason);
    this.close(code, reason);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.state === 'closed') return;
    if (isBinary) return this.protocolError('binary_frame');
    const text = data.toString();
    // An ack per event is most of what clients send; in its usual spelling it skips JSON.parse and zod (issue 18).
    const ack = ACK_FRAME.exec(text);
    if (ack) {
      const seq = Number(ack[1]);
      if (Number.isSafeInteger(seq)) {
        this.lastClientAt = this.host.now();
        if (this.state === 'awaiting-hello') return this.protocolError('ack_before_hello');
        return this.onAck(seq);
      }
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.protocolError('not_json');
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) return this.protocolError('bad_message');
    this.lastClientAt = this.host.now();
    const msg = parsed.data;
    switch (msg.type) {
      case 'hello':
        if (this.state !== 'awaiting-hello') return this.protocolError('duplicate_hello');
        if (msg.protocol !== PROTOCOL_VERSION) {
          return this.protocolError('unsupported_protocol', CloseCode.unsupportedProtocol);
        }
        this.state = 'starting';
        clearTimeout(this.helloTimer);
        void this.start(msg.after);
        return;
      case 'ack':
        if (this.state === 'awaiting-hello') return this.protocolError('ack_before_hello');
        return this.onAck(msg.seq);
      case 'ping':
        this.send(JSON.stringify({ type: 'pong', nonce: msg.nonce }));
        return;
    }
  }

  private async start(requested: number | null): Promise<void> {
    try {
      const fresh = await this.host.storage.getStore(this.storeId);
      const bounds = await this.host.storage.logBounds(this.storeId);
      if (this.state !== 'starting') return;
      const after = requested ?? Math.max(fresh?.ackedSeq ?? 0, this.host.pendingAck(this.storeId));
      if (after > bounds.lastSeq) {
        this.host.metrics.rejectStream('cursor_ahead');
        return this.close(CloseCode.cursorAhead, `cursor_ahead lastSeq=${bounds.lastSeq}`);
      }
      this.sentSeq = this.ackedSeq = after;
      this.replayUntil = bounds.lastSeq;
      this.knownLastSeq = Math.max(this.knownLastSeq, bounds.lastSeq);
      const pruned = bounds.lastSeq > after && (bounds.oldestSeq === 0 || bounds.oldestSeq > after + 1);
      this.state = 'streaming';
      const c = this.host.config;
      this.send(
        JSON.stringify({
          type: 'ready',
          protocol: PROTOCOL_VERSION,
          storeId: this.storeId,
          after,
          lastSeq: bounds.lastSeq,
          oldestSeq: bounds.oldestSeq,
          pruned,
          heartbeatIntervalMs: c.heartbeatIntervalMs,
          heartbeatTimeoutMs: c.heartbeatTimeoutMs,
          maxInFlight: c.maxInFlight,
        }),
      );
      await this.pump();
    } catch (err) {
      this.host.metrics.storageError('read');
      this.host.logger.error('stream start failed', { storeId: this.storeId, ...errorFields(err) });
      this.close(CloseCode.internalError, 'internal_error');
    }
  }

  private onAck(seq: number): void {
    if (seq > this.sentSeq) return this.protocolError('ack_out_of_range', CloseCode.ackOutOfRange);
    if (seq <= this.ackedSeq) return;
    const now = Date.now();
    for (let s = this.ackedSeq + 1; s <= seq; s++) {
      const receivedAt = this.inFlight.get(s);
      if (receivedAt !== undefined) {
        this.host.metrics.deliveryLag.observe(Math.max(0, now - receivedAt) / 1000);
        this.inFlight.delete(s);
      }
    }
    this.host.metrics.ackedEvents(seq - this.ackedSeq);
    this.ackedSeq = seq;
    this.host.recordAck(this.storeId, seq);
    void this.pump();
  }

  private sendEvent(e: StoredEvent): void {
    const replay = e.seq <= this.replayUntil;
    this.send(eventBody(e, replay), e.id);
    this.sentSeq = e.seq;
    this.buffer.delete(e.seq);
    this.inFlight.set(e.seq, e.receivedAt);
    this.host.metrics.deliveredEvent(replay);
  }

  /** See [Note: one send path]. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        const max = this.host.config.maxInFlight;
        while (
          this.state === 'streaming' &&
          this.sentSeq < this.knownLastSeq &&
          this.sentSeq - this.ackedSeq < max
        ) {
          const next = this.buffer.get(this.sentSeq + 1);
          if (next) {
            this.sendEvent(next);
            continue;
          }
          const room = max - (this.sentSeq - this.ackedSeq);
          const page = await this.host.storage.readEvents(
            this.storeId,
            this.sentSeq,
            Math.min(room, READ_PAGE),
          );
          if (page.length === 0) break;
          for (const e of page) if (this.state === 'streaming' && e.seq > this.sentSeq) this.sendEvent(e);
        }
        for (const seq of this.buffer.keys()) if (seq <= this.sentSeq) this.buffer.delete(seq);
      } while (this.pumpAgain && this.state === 'streaming');
      this.readRetryMs = READ_RETRY_FIRST_MS;
    } catch (err) {
      this.host.metrics.storageError('read');
      this.host.logger.warn('stream read failed; retrying', { storeId: this.storeId, ...errorFields(err) });
      this.retryRead();
    } finally {
      this.pumping = false;
    }
  }

  /**
   * [Note: a failed read keeps the stream] A read that fails (PostgreSQL's pool had no connection free within its
   * timeout under load, or the database is restarting) is retried with backoff on the same connection. It used to
   * close the stream with 1011: a client that did not reconnect at once then missed every later event of its store
   * although each one was stored (the bench's "answered 200, not delivered", issue 18). The events are in storage
   * and `knownLastSeq` says how far they go, so the retry reads them; heartbeats go on meanwhile.
   */
  private retryRead(): void {
    if (this.state !== 'streaming' || this.readRetryTimer) return;
    const wait = this.readRetryMs;
    this.readRetryMs = Math.min(READ_RETRY_MAX_MS, wait * 2);
    this.readRetryTimer = setTimeout(() => {
      this.readRetryTimer = undefined;
      void this.pump();
    }, wait);
    this.readRetryTimer.unref();
  }
}
