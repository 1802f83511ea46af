// Group commit: webhooks that arrive while the database is busy are written together in one transaction, so
// one fsync covers many of them, and each request is still answered only after its own event is durable.
// Batching adds no timer: the queue is flushed on the next turn of the event loop (setImmediate, the end of the
// current I/O phase), which gathers every request parsed in that phase and, when nothing else is pending, runs at
// once, so a lone webhook waits for nothing. (Issue 18 tried handing a webhook over on a microtask whenever nothing
// was being written: in a closed loop that split each wave of requests into a lone first one and the rest, fewer
// webhooks per transaction (6.9 against 10.5) and more CPU per webhook, for no gain when idle; reverted.) Up to `pipeline` batches may be handed to storage at once: the SQLite
// writer thread merges whatever is queued into its next transaction, so the writer never idles while this thread
// is busy answering, and its batches grow with the load. A request that waited past the deadline (here or in the
// writer's queue) is answered "overloaded" without being stored, so ingress answers within Kushki's 2 s and
// Kushki retries it (§3.1).
import type { AppendOutcome, NewEvent, RelayStorage } from '../storage/storage';

/** What the committer says about one submitted event. */
export type CommitOutcome =
  Exclude<AppendOutcome, { kind: 'expired' }> | { kind: 'overloaded' } | { kind: 'storage_error' };

interface Pending {
  event: NewEvent;
  enqueuedAt: number;
  resolve: (o: CommitOutcome) => void;
}

/** Options of the committer. */
export interface GroupCommitOptions {
  maxBatch: number;
  deadlineMs: number;
  /** Batches handed to storage and not yet answered; default 64. */
  pipeline?: number;
  now?: () => number;
  onBatch?: (size: number, ms: number) => void;
  onError?: (err: unknown) => void;
}

/** Batches appends to storage; see the file comment. */
export class GroupCommitter {
  private queue: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly now: () => number;
  private readonly pipeline: number;

  constructor(
    private readonly storage: RelayStorage,
    private readonly opts: GroupCommitOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.pipeline = Math.max(1, opts.pipeline ?? 64);
  }

  /** Queues one event; resolves once it is durable (or refused). Never rejects. */
  submit(event: NewEvent): Promise<CommitOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ event, enqueuedAt: this.now(), resolve });
      this.schedule();
    });
  }

  /** Number of events waiting for a transaction. */
  get depth(): number {
    return this.queue.length;
  }

  /** Resolves when nothing is queued or being written (graceful shutdown). */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.pipeline || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.inFlight >= this.pipeline) return;
    const batch = this.queue.splice(0, this.opts.maxBatch);
    const cutoff = this.now() - this.opts.deadlineMs;
    const live = batch.filter((p) => {
      if (p.enqueuedAt >= cutoff) return true;
      p.resolve({ kind: 'overloaded' });
      return false;
    });
    if (live.length > 0) void this.write(live);
    else this.settle();
    // Whatever is still queued goes on the next turn, possibly while this batch is being written.
    this.schedule();
  }

  private async write(live: Pending[]): Promise<void> {
    this.inFlight++;
    const started = performance.now();
    try {
      const notAfter = Math.min(...live.map((p) => p.enqueuedAt)) + this.opts.deadlineMs;
      const outcomes = await this.storage.appendEvents(
        live.map((p) => p.event),
        { notAfter },
      );
      live.forEach((p, i) => {
        const o = outcomes[i];
        p.resolve(
          o === undefined ? { kind: 'storage_error' } : o.kind === 'expired' ? { kind: 'overloaded' } : o,
        );
      });
    } catch (err) {
      // The transaction rolled back as a whole: nothing of this batch is stored, so 503 is honest.
      this.opts.onError?.(err);
      for (const p of live) p.resolve({ kind: 'storage_error' });
    } finally {
      this.inFlight--;
      this.opts.onBatch?.(live.length, performance.now() - started);
      this.schedule();
      this.settle();
    }
  }

  private settle(): void {
    if (this.inFlight > 0 || this.queue.length > 0) return;
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
  }
}
