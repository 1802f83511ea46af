/**
 * The store PC's end of the relay stream (relay/PROTOCOL.md): resumes from the cursor persisted in
 * SQLite, verifies every frame's signature, stores each event with the new cursor in one
 * transaction before acknowledging it, and keeps a watchdog for the "connected but receiving
 * nothing" failure that smee.io, the Stripe CLI and the Hookdeck CLI shipped.
 *
 * [Note: storage errors in the commit]
 * The database may refuse an event (SQLITE_BUSY past busy_timeout, SQLITE_FULL, any error): the
 * commit is one transaction, so nothing of the event is stored and the cursor has not moved. The
 * client then never acks it, drops the connection and reconnects with backoff; the relay resends
 * from the cursor (PROTOCOL.md §5.2). Retrying on the same connection would not be simpler: the
 * relay has already sent the events after it, which would have to be held or dropped anyway. So
 * nothing is lost (the relay keeps what is unacked) and nothing is applied twice (the retry is the
 * same transaction from the start). The status says `storage_error` until an event is stored.
 */
import WebSocket from 'ws';
import {
  CloseCode,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_HEARTBEAT_TIMEOUT_MS,
  PROTOCOL_VERSION,
  STREAM_PATH,
  type EventBody,
  type HeartbeatBody,
  type ReadyBody,
} from '../../../relay/protocol/messages';
import { verifyFrame } from '../../../relay/protocol/verify-frame';
import { relayDisabled, type RelayStatus } from '../../domain/relay-status';
import type { Logger } from '../../ports/logger.port';
import type { RelayInbox } from '../../ports/relay-inbox.port';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffTimings } from './backoff';

/** How to reach a store's stream. The token and key are secrets: never logged, never in a status. */
export interface RelayClientOptions {
  url: string;
  storeId: string;
  streamToken: string;
  signingKey: string;
  inbox: RelayInbox;
  logger: Logger;
  onStatus: (status: RelayStatus) => void;
  backoff?: BackoffTimings;
  /** Overrides the relay's heartbeat timings (tests); normally taken from `ready`. */
  heartbeat?: { intervalMs: number; timeoutMs: number };
  clientName?: string;
  random?: () => number;
}

// PROTOCOL.md §4 rule 1: more than three bad frames in a row means a wrong key or a tampering path.
const MAX_BAD_FRAMES = 3;
const MAX_SKEW_REPORT_S = 60;
// A frame carries one webhook (the relay caps bodies at 64 KiB by default, 256 KiB at most, so an escaped body
// still fits); 1 MiB is generous, and ws's default of 100 MiB would let whoever sits in the path make the app
// buffer that much (issue 11, lows).
const MAX_FRAME_BYTES = 1024 * 1024;

/** A reconnecting, verifying relay stream client. */
export class RelayClient {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private stopped = true;
  private readyAt = 0;
  private lastFrameAt = 0;
  private lastAck = 0;
  private badFrames = 0;
  private skewSeconds = 0;
  private acceptAfterPrune = false;
  private suspiciousHeartbeats = 0;
  private eventsSinceHeartbeat = 0;
  private interval = DEFAULT_HEARTBEAT_INTERVAL_MS;
  private timeout = DEFAULT_HEARTBEAT_TIMEOUT_MS;
  private readonly backoff: BackoffTimings;
  private status: RelayStatus;
  /** Why the socket is being dropped, when we drop it; no delay means the usual backoff. */
  private closeHint: { problem: RelayStatus['problem']; delayMs?: number } | undefined;

  constructor(private readonly options: RelayClientOptions) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.status = relayDisabled(options.inbox.cursor());
  }

  /** Connects and keeps connecting until `stop`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  /** Closes the stream for good (shutdown or reconfiguration). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.watchdog) clearInterval(this.watchdog);
    this.socket?.terminate();
    this.socket = undefined;
    this.publish({ state: 'stopped', nextAttemptAt: null });
  }

  /** The latest status. */
  current(): RelayStatus {
    return this.status;
  }

  private publish(patch: Partial<RelayStatus>): void {
    this.status = { ...this.status, ...patch, cursor: this.cursorOr(this.status.cursor) };
    this.options.onStatus(this.status);
  }

  /** The stored cursor; `fallback` when the database cannot even be read (a status must still go out). */
  private cursorOr(fallback: number): number {
    try {
      return this.options.inbox.cursor();
    } catch {
      return fallback;
    }
  }

  private later(ms: number, work: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    timer.unref?.();
    this.timers.add(timer);
  }

  private connect(): void {
    if (this.stopped) return;
    this.publish({ state: this.attempt === 0 ? 'connecting' : 'reconnecting', nextAttemptAt: null });
    const url = new URL(STREAM_PATH, this.options.url.replace(/^http/, 'ws'));
    const socket = new WebSocket(url, {
      headers: { Authorization: `Bearer ${this.options.streamToken}` },
      perMessageDeflate: false,
      maxPayload: MAX_FRAME_BYTES,
      // A handshake stuck longer than the heartbeat timeout is as dead as a silent stream.
      handshakeTimeout: Math.min(10_000, this.options.heartbeat?.timeoutMs ?? 10_000),
    });
    this.socket = socket;
    this.lastFrameAt = Date.now();
    this.readyAt = 0;
    this.lastAck = 0;
    this.badFrames = 0;
    this.suspiciousHeartbeats = 0;
    socket.on('unexpected-response', (_req, res) => {
      // Refused before the upgrade (§2): 401/404 need a person; anything else is worth retrying.
      const refused = res.statusCode === 401 || res.statusCode === 404;
      this.closeHint = refused ? { problem: 'unauthorized', delayMs: this.backoff.refusedMs } : undefined;
      // Terminating a handshake in progress makes ws emit 'close', which schedules the retry.
      socket.terminate();
    });
    socket.on('open', () => {
      socket.send(
        JSON.stringify({
          type: 'hello',
          protocol: PROTOCOL_VERSION,
          after: this.options.inbox.cursor(),
          client: (this.options.clientName ?? 'caja').slice(0, 64),
        }),
      );
      this.armWatchdog(socket);
    });
    socket.on('message', (data, isBinary) => {
      if (socket !== this.socket) return;
      if (isBinary) return this.badFrame(socket, 'binary frame');
      this.onFrame(socket, data.toString());
    });
    socket.on('close', (code, reason) => this.onClose(socket, code, reason.toString()));
    socket.on('error', (error) => {
      // The close event follows; this only keeps the error out of the default handler. No URL in the log.
      this.options.logger.warn('relay socket error', { code: (error as NodeJS.ErrnoException).code });
    });
  }

  private armWatchdog(socket: WebSocket): void {
    if (this.watchdog) clearInterval(this.watchdog);
    let lastPing = Date.now();
    const tick = Math.max(50, Math.min(1_000, this.interval / 4));
    this.watchdog = setInterval(() => {
      if (socket !== this.socket) return;
      const now = Date.now();
      // Rule 1: silence past the timeout means dead, however open the socket looks.
      if (now - this.lastFrameAt > this.timeout) {
        this.options.logger.warn('relay stream silent; reconnecting', { silentMs: now - this.lastFrameAt });
        socket.terminate();
        return;
      }
      if (now - lastPing >= this.interval && socket.readyState === WebSocket.OPEN) {
        lastPing = now;
        socket.send(JSON.stringify({ type: 'ping' }));
      }
      if (this.readyAt && now - this.readyAt >= this.backoff.stableMs) this.attempt = 0;
    }, tick);
    this.watchdog.unref?.();
  }

  private onFrame(socket: WebSocket, text: string): void {
    const nowSeconds = Math.floor(Date.now() / 1000) + this.skewSeconds;
    const frame = verifyFrame(this.options.signingKey, text, { nowSeconds });
    if (!frame.ok) {
      if (frame.error.code === 'unknown_type') return;
      return this.badFrame(socket, frame.error.code);
    }
    this.badFrames = 0;
    this.lastFrameAt = Date.now();
    const body = frame.body;
    if (body.type === 'ready') return this.onReady(socket, body, frame.timestamp);
    if (body.type === 'event') return this.onEvent(socket, body);
    if (body.type === 'heartbeat') return this.onHeartbeat(socket, body);
  }

  private badFrame(socket: WebSocket, reason: string): void {
    this.badFrames++;
    this.options.logger.warn('relay frame refused', { reason, inARow: this.badFrames });
    if (this.badFrames > MAX_BAD_FRAMES) {
      this.publish({ problem: 'signature_invalid' });
      socket.terminate();
    }
  }

  private onReady(socket: WebSocket, ready: ReadyBody, timestamp: number): void {
    if (ready.storeId !== this.options.storeId) {
      this.publish({ problem: 'store_mismatch' });
      socket.close(CloseCode.normal);
      return;
    }
    const skew = timestamp - Math.floor(Date.now() / 1000);
    this.skewSeconds = skew;
    if (Math.abs(skew) > MAX_SKEW_REPORT_S)
      this.options.logger.warn('store PC clock skew', { seconds: skew });
    this.interval = this.options.heartbeat?.intervalMs ?? ready.heartbeatIntervalMs;
    this.timeout = this.options.heartbeat?.timeoutMs ?? ready.heartbeatTimeoutMs;
    this.armWatchdog(socket);
    this.readyAt = Date.now();
    this.acceptAfterPrune = ready.pruned;
    if (ready.pruned) this.options.inbox.missedEvents();
    const lag = Math.max(0, ready.lastSeq - this.options.inbox.cursor());
    // A storage error is only known to be over once an event is stored (see onEvent).
    const storageError = this.status.problem === 'storage_error' && lag > 0;
    this.publish({ state: 'connected', problem: storageError ? 'storage_error' : null, lag });
  }

  private onEvent(socket: WebSocket, event: EventBody): void {
    // Dropped after a storage error: the frames already on their way are resent after the reconnect.
    if (socket.readyState !== WebSocket.OPEN) return;
    if (event.storeId !== this.options.storeId) return this.badFrame(socket, 'event for another store');
    const cursor = this.options.inbox.cursor();
    this.eventsSinceHeartbeat++;
    if (event.seq <= cursor) {
      this.ack(socket, event.seq);
      return;
    }
    if (event.seq !== cursor + 1 && !this.acceptAfterPrune) {
      // A gap: never store past it. Reconnect from the cursor; the relay resends from there.
      this.options.logger.warn('relay sequence gap; resuming from the cursor', { cursor, seq: event.seq });
      socket.close(CloseCode.normal);
      return;
    }
    try {
      this.options.inbox.commit({
        id: event.id,
        seq: event.seq,
        receivedAt: event.receivedAt,
        payload: event.payload,
        // `absent`, `unverifiable` and a frame from an older relay without the field are alike here:
        // anyone with the ingress URL could have posted it (issue 11 finding 4).
        signature: event.bpSignature === 'verified' ? 'verified' : 'unverified',
      });
    } catch (error) {
      return this.onStorageError(socket, event.seq, error);
    }
    this.acceptAfterPrune = false;
    this.ack(socket, event.seq);
    this.publish({ lastEventAt: Date.now(), lag: Math.max(0, (this.status.lag ?? 0) - 1), problem: null });
  }

  /** The commit failed: no ack, drop the connection, reconnect with backoff. See [Note: storage errors in the commit]. */
  private onStorageError(socket: WebSocket, seq: number, error: unknown): void {
    // The SQLite code and the error's class only: a message may quote stored text, never a secret we hold.
    const code = (error as { code?: unknown } | null)?.code;
    this.options.logger.error('relay event not stored; will retry after reconnecting', {
      seq,
      code: typeof code === 'string' ? code.slice(0, 40) : null,
      error: error instanceof Error ? error.name : typeof error,
    });
    this.closeHint = { problem: 'storage_error' };
    this.publish({ problem: 'storage_error' });
    socket.terminate();
  }

  private ack(socket: WebSocket, seq: number): void {
    if (seq <= this.lastAck || socket.readyState !== WebSocket.OPEN) return;
    this.lastAck = seq;
    socket.send(JSON.stringify({ type: 'ack', seq }));
  }

  private onHeartbeat(socket: WebSocket, heartbeat: HeartbeatBody): void {
    const cursor = this.options.inbox.cursor();
    // Rule 2: the relay holds events we lack, we acked all we got, and nothing came since the last beat.
    const starving =
      heartbeat.lastSeq > cursor && this.lastAck >= heartbeat.sentSeq && this.eventsSinceHeartbeat === 0;
    this.suspiciousHeartbeats = starving ? this.suspiciousHeartbeats + 1 : 0;
    this.eventsSinceHeartbeat = 0;
    this.publish({ lag: Math.max(0, heartbeat.lastSeq - cursor) });
    if (this.suspiciousHeartbeats >= 2) {
      this.options.logger.warn('relay stream starving; reconnecting', { cursor, lastSeq: heartbeat.lastSeq });
      socket.terminate();
    }
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket) return;
    this.socket = undefined;
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.stopped) return;
    const hint = this.closeHint;
    this.closeHint = undefined;
    if (hint) return this.retry(hint.problem, hint.delayMs);
    switch (code) {
      case CloseCode.unauthorized:
        return this.retry('unauthorized', this.backoff.refusedMs);
      case CloseCode.unsupportedProtocol:
        return this.retry('unsupported_protocol', this.backoff.refusedMs);
      case CloseCode.cursorAhead:
        this.options.logger.error('relay says our cursor is ahead of it', { reason: reason.slice(0, 80) });
        this.options.inbox.missedEvents();
        return this.retry('cursor_ahead', this.backoff.refusedMs);
      case CloseCode.replaced:
        return this.retry('replaced', Math.max(60_000, backoffDelay(this.attempt, this.backoff)));
      default:
        return this.retry(this.status.problem === 'signature_invalid' ? 'signature_invalid' : 'unreachable');
    }
  }

  private retry(problem: RelayStatus['problem'], delayMs?: number): void {
    if (this.stopped) return;
    if (this.socket) return;
    const delay = delayMs ?? backoffDelay(this.attempt, this.backoff, this.options.random);
    this.attempt++;
    this.publish({ state: 'reconnecting', problem, nextAttemptAt: Date.now() + delay });
    this.later(delay, () => this.connect());
  }
}
