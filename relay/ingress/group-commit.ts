// Group commit: webhooks that arrive while the database is busy are written together in one transaction, so
// one fsync covers many of them, and each request is still answered only after its own event is durable.
// Batching adds no timer: the queue is flushed on the next turn of the event loop, which naturally gathers every
// request parsed in the current I/O phase. A request that waited past the deadline is answered "overloaded"
// without being stored, so ingress answers within Kushki's 2 s and Kushki retries it (§3.1).
import type { AppendOutcome, NewEvent, RelayStorage } from '../storage/storage';

/** What the committer says about one submitted event. */
export type CommitOutcome = AppendOutcome | { kind: 'overloaded' } | { kind: 'storage_error' };

interface Pending {
  event: NewEvent;
  enqueuedAt: number;
  resolve: (o: CommitOutcome) => void;
}

/** Options of the committer. */
export interface GroupCommitOptions {
  maxBatch: number;
  deadlineMs: number;
  now?: () => number;
  onBatch?: (size: number, ms: number) => void;
  onError?: (err: unknown) => void;
}

/** Batches appends to storage; see the file comment. */
export class GroupCommitter {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly now: () => number;

  constructor(
    private readonly storage: RelayStorage,
    private readonly opts: GroupCommitOptions,
  ) {
    this.now = opts.now ?? Date.now;
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
    if (!this.flushing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.opts.maxBatch);
        const cutoff = this.now() - this.opts.deadlineMs;
        const live = batch.filter((p) => {
          if (p.enqueuedAt >= cutoff) return true;
          p.resolve({ kind: 'overloaded' });
          return false;
        });
        if (live.length === 0) continue;
        const started = performance.now();
        try {
          const outcomes = await this.storage.appendEvents(live.map((p) => p.event));
          live.forEach((p, i) => p.resolve(outcomes[i] ?? { kind: 'storage_error' }));
        } catch (err) {
          // The transaction rolled back as a whole: nothing of this batch is stored, so 503 is honest.
          this.opts.onError?.(err);
          for (const p of live) p.resolve({ kind: 'storage_error' });
        }
        this.opts.onBatch?.(live.length, performance.now() - started);
        // Let the requests that arrived meanwhile be parsed before the next batch, so batches stay large.
        if (this.queue.length > 0) await new Promise<void>((r) => setImmediate(r));
      }
    } finally {
      this.flushing = false;
      const waiters = this.idleWaiters.splice(0);
      for (const w of waiters) w();
    }
  }
}
