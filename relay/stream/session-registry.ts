// All live stream sessions: at most one per store, fan-out of stored events, the heartbeat sweep, credential
// re-checks and ack persistence.
// One connection per store: a store runs one Caja PC against its terminal, and a client that reconnects after a
// silent network failure must displace its own stale session at once rather than wait for the heartbeat timeout.
import type { RelayStorage, StoreRecord, StoredEvent } from '../storage/storage';
import { CloseCode } from '../protocol/messages';
import type { CloseCodeValue } from '../protocol/messages';
import type { RelayMetrics } from '../ops/metrics';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';
import type { SessionConfig, SessionHost, StreamSession } from './stream-session';
import { linkCoordination } from './cross-instance';
import type { CrossInstanceHost } from './cross-instance';

/**
 * The heartbeat sweep visits every session once per heartbeat interval, in this many slices spread evenly over
 * it (one every 100 ms at the default 15 s, never more often than every 10 ms). Swept all at once, 1,000 sessions
 * (a heartbeat signed and written, the store re-read, for each) stalled ingress and delivery at the start of every
 * interval: at 200 webhooks/s most deliveries slower than 25 ms fell in that first second (issue 18).
 */
const MAX_SWEEP_SLICES = 150;
const MIN_SLICE_MS = 10;

/** The set of live sessions and their periodic duties. */
export class SessionRegistry implements SessionHost, CrossInstanceHost {
  private readonly byStore = new Map<string, StreamSession>();
  /** Upgrades that claimed a store's stream and have not attached (or given up) yet. */
  private readonly pending = new Map<string, number>();
  private readonly unlink: () => void;
  private pendingAcks = new Map<string, number>();
  /** Sessions still to visit in the current heartbeat interval, taken a slice at a time. */
  private sweepQueue: StreamSession[] = [];
  private sweepSlicesLeft = 0;
  private readonly sweepSlices: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    readonly storage: RelayStorage,
    readonly metrics: RelayMetrics,
    readonly logger: Logger,
    readonly config: SessionConfig & { ackFlushIntervalMs: number; pollIntervalMs?: number },
    private readonly clock: { now(): number } = Date,
    /**
     * Where the sweep's credential re-checks read a store: the relay passes its store cache (ingress/store-cache.ts),
     * exact within a second, so 1,000 sessions cost no database reads per interval; storage by default.
     */
    private readonly lookupStore: (id: string) => Promise<StoreRecord | undefined> = (id) =>
      storage.getStore(id),
  ) {
    this.unsubscribe = storage.onAppended((events) => this.fanOut(events));
    this.unlink = storage.coordination
      ? linkCoordination(this, storage.coordination, {
          pollIntervalMs: config.pollIntervalMs ?? 1000,
          logger,
        })
      : () => undefined;
    this.sweepSlices = Math.max(
      1,
      Math.min(MAX_SWEEP_SLICES, Math.floor(config.heartbeatIntervalMs / MIN_SLICE_MS)),
    );
    this.timers.push(
      setInterval(() => void this.sweepSlice(), config.heartbeatIntervalMs / this.sweepSlices),
    );
    this.timers.push(setInterval(() => void this.flushAcks(), config.ackFlushIntervalMs));
  }

  /** The time the liveness rule reads (the relay's clock). */
  now(): number {
    return this.clock.now();
  }

  /**
   * Takes the store's stream for an upgrade about to happen: always granted with one instance; with several, see
   * [Note: one stream across instances]. Every granted claim ends in attach() or abandon().
   */
  async claim(storeId: string): Promise<boolean> {
    const coordination = this.storage.coordination;
    if (!coordination) return true;
    this.pending.set(storeId, (this.pending.get(storeId) ?? 0) + 1);
    // A session here means this instance holds the lock already; a local replacement follows in attach().
    const ok = this.byStore.has(storeId) || (await coordination.claimStream(storeId));
    if (!ok) this.abandon(storeId);
    return ok;
  }

  /** An upgrade that claimed the stream and will not attach (refused, or its socket went away). */
  abandon(storeId: string): void {
    if (!this.storage.coordination) return;
    this.unpend(storeId);
    this.releaseIfIdle(storeId);
  }

  /** Registers a new authenticated session, replacing the store's previous one. */
  attach(session: StreamSession): void {
    if (this.storage.coordination) this.unpend(session.storeId);
    const previous = this.byStore.get(session.storeId);
    this.byStore.set(session.storeId, session);
    if (previous) previous.close(CloseCode.replaced, 'replaced_by_newer_connection');
    this.metrics.streamOpened();
    this.logger.info('stream connected', { storeId: session.storeId, connected: this.byStore.size });
  }

  /** Called by a session when it ends. */
  detach(session: StreamSession): void {
    if (this.byStore.get(session.storeId) === session) this.byStore.delete(session.storeId);
    this.releaseIfIdle(session.storeId);
  }

  /** Another instance stored events of the store up to `lastSeq`. */
  advance(storeId: string, lastSeq: number): void {
    this.byStore.get(storeId)?.advance(lastSeq);
  }

  /** Another instance took a new connection of the store: the newest wins, as locally (4009). */
  takeover(storeId: string): void {
    this.byStore.get(storeId)?.close(CloseCode.replaced, 'replaced_by_newer_connection');
  }

  /** The coordination connection failed and its locks with it: no session may go on unguarded. */
  closeAllLost(): void {
    for (const s of [...this.byStore.values()]) s.close(CloseCode.internalError, 'coordination_lost');
  }

  /** Stores with a live session here. */
  liveStoreIds(): string[] {
    return [...this.byStore.keys()];
  }

  private unpend(storeId: string): void {
    const n = (this.pending.get(storeId) ?? 1) - 1;
    if (n > 0) this.pending.set(storeId, n);
    else this.pending.delete(storeId);
  }

  private releaseIfIdle(storeId: string): void {
    if (!this.byStore.has(storeId) && !this.pending.has(storeId))
      this.storage.coordination?.releaseStream(storeId);
  }

  /** Remembers a client's ack; flushed to storage periodically and at shutdown. */
  recordAck(storeId: string, seq: number): void {
    if ((this.pendingAcks.get(storeId) ?? 0) < seq) this.pendingAcks.set(storeId, seq);
  }

  /** Latest ack recorded for the store and not yet flushed (0 if none). */
  pendingAck(storeId: string): number {
    return this.pendingAcks.get(storeId) ?? 0;
  }

  /** Live stores and the events they have not acknowledged yet. */
  gauges(): { connectedStores: number; unackedEvents: number } {
    let unacked = 0;
    for (const s of this.byStore.values()) unacked += Math.max(0, s.knownLastSeq - s.ackedSeq);
    return { connectedStores: this.byStore.size, unackedEvents: unacked };
  }

  /** Re-reads the store's credentials now (after an in-process rotation) instead of at the next sweep. */
  async recheck(storeId: string): Promise<void> {
    const session = this.byStore.get(storeId);
    if (session) await this.recheckSession(session);
  }

  /** Writes pending acks. Acks are advisory (the client's cursor is authoritative), so batching them is safe. */
  async flushAcks(): Promise<void> {
    if (this.pendingAcks.size === 0) return;
    const acks = this.pendingAcks;
    this.pendingAcks = new Map();
    try {
      await this.storage.saveAcks(acks);
    } catch (err) {
      this.metrics.storageError('save_acks');
      this.logger.warn('saving acks failed; will retry', errorFields(err));
      for (const [k, v] of acks) this.recordAck(k, v);
    }
  }

  /** Stops timers, closes every session with `code`, and persists acks. */
  async shutdown(code: CloseCodeValue, reason: string): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.unsubscribe();
    this.unlink();
    for (const s of [...this.byStore.values()]) s.close(code, reason);
    await this.flushAcks();
  }

  private fanOut(events: readonly StoredEvent[]): void {
    if (this.byStore.size === 0) return;
    // Group per store so each session gets its events in one call, in seq order.
    let i = 0;
    while (i < events.length) {
      const storeId = events[i]?.storeId ?? '';
      let j = i + 1;
      while (j < events.length && events[j]?.storeId === storeId) j++;
      const session = this.byStore.get(storeId);
      if (session) session.notify(events.slice(i, j));
      i = j;
    }
  }

  /** One slice of the heartbeat sweep; a new interval starts from a snapshot of the sessions. */
  private async sweepSlice(): Promise<void> {
    if (this.sweepSlicesLeft === 0) {
      this.sweepQueue = [...this.byStore.values()];
      this.sweepSlicesLeft = this.sweepSlices;
    }
    const take = Math.ceil(this.sweepQueue.length / this.sweepSlicesLeft);
    this.sweepSlicesLeft--;
    const slice = this.sweepQueue.splice(0, take);
    const now = this.clock.now();
    for (const s of slice) {
      s.tick(now);
      // A token rotated from another process (the CLI) is noticed here; see README "Threat model".
      if (s.state !== 'closed') await this.recheckSession(s);
    }
  }

  private async recheckSession(s: StreamSession): Promise<void> {
    try {
      const store = await this.lookupStore(s.storeId);
      if (!store || store.tokenHash !== s.tokenHash) {
        this.metrics.rejectStream('token_revoked');
        s.close(CloseCode.unauthorized, 'token_revoked');
      } else {
        s.updateStore(store);
      }
    } catch (err) {
      this.metrics.storageError('get_store');
      this.logger.warn('credential re-check failed', { storeId: s.storeId, ...errorFields(err) });
    }
  }
}
