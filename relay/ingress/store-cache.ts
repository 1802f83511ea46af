// Every store's record in memory, for ingress and the streams' credential re-checks, which otherwise read the
// store row on every webhook and every heartbeat (issue 18's profile: `getStore` ~5–7% of the relay's CPU, since a
// 1 s cache per entry missed about half the time with 1,000 stores).
// [Note: exact store cache] With a storage that counts changes to its stores (`storesVersion`, SQLite's
// store_changes table, bumped by triggers whoever writes), the cache loads all stores once and then reads only
// that counter, at most once per `checkIntervalMs` (1 s): when it moved, everything is loaded again. So a
// credential changed by another process (the CLI's `store rotate-*`) is seen within one interval, a change made
// through this relay's own admin at once (invalidate), and between changes no webhook reads the database. A store
// not in the copy (added since the last check, or unknown) is read from storage, as before; misses are not kept,
// so unknown ids cannot fill memory. Without a counter (PostgreSQL today) each entry lives `checkIntervalMs`.
import type { RelayStorage, StoreRecord } from '../storage/storage';

/** Options of the cache; `now` is injectable so tests step over the interval without waiting. */
export interface StoreCacheOptions {
  checkIntervalMs?: number;
  now?: () => number;
  /** Bound of the per-entry fallback (storage without a change counter). */
  maxEntries?: number;
}

/** Store lookups in front of storage; see [Note: exact store cache]. */
export class StoreCache {
  private entries = new Map<string, { store: StoreRecord; until: number }>();
  /** The change counter the entries reflect; undefined until loaded, or after an in-process change. */
  private version: number | undefined;
  private checkedAt = 0;
  private loading: Promise<void> | undefined;
  private readonly checkIntervalMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(
    private readonly storage: RelayStorage,
    options: StoreCacheOptions = {},
  ) {
    this.checkIntervalMs = options.checkIntervalMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** The store, from memory when the copy is current. */
  async get(id: string): Promise<StoreRecord | undefined> {
    const exact = this.storage.storesVersion !== undefined;
    if (exact) await this.current();
    const hit = this.entries.get(id);
    if (hit && (exact || hit.until > this.now())) return hit.store;
    const store = await this.storage.getStore(id);
    this.entries.delete(id);
    if (store) {
      if (!exact && this.entries.size >= this.maxEntries)
        this.entries.delete(this.entries.keys().next().value ?? '');
      this.entries.set(id, { store, until: this.now() + this.checkIntervalMs });
    }
    return store;
  }

  /** Forgets the copy of one store after a change made in this process; the next lookup checks the counter. */
  invalidate(id: string): void {
    this.entries.delete(id);
    this.version = undefined;
  }

  /** Makes sure the copy reflects the counter as read at most `checkIntervalMs` ago (one load at a time). */
  private async current(): Promise<void> {
    if (this.version !== undefined && this.now() - this.checkedAt < this.checkIntervalMs) return;
    this.loading ??= this.reload().finally(() => (this.loading = undefined));
    await this.loading;
  }

  private async reload(): Promise<void> {
    const checkedAt = this.now();
    // Counter first, then the rows: a change landing in between leaves the rows newer than the counter, and the
    // next check loads again; the other order could keep a stale row under a current counter.
    const version = await this.storage.storesVersion?.();
    if (version === undefined || version !== this.version) {
      const all = await this.storage.listStores();
      this.entries = new Map(all.map((store) => [store.id, { store, until: Infinity }]));
    }
    this.version = version;
    this.checkedAt = checkedAt;
  }
}
