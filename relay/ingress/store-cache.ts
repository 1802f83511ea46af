// A short-lived cache of store records for ingress, which otherwise reads the store row on every webhook (7% of
// the relay's CPU in the benchmark). Entries live `ttlMs` (1 s): a credential rotated by another process (the
// CLI) takes effect within that second; rotations through the library invalidate the entry at once. Misses are
// not cached, so unknown store ids cannot fill it.
import type { RelayStorage, StoreRecord } from '../storage/storage';

/** Store lookups with a TTL cache in front of storage. */
export class StoreCache {
  private readonly entries = new Map<string, { store: StoreRecord; until: number }>();

  constructor(
    private readonly storage: RelayStorage,
    private readonly ttlMs = 1000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The store, from cache when fresh. */
  async get(id: string): Promise<StoreRecord | undefined> {
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.store;
    const store = await this.storage.getStore(id);
    this.entries.delete(id);
    if (store) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value ?? '');
      this.entries.set(id, { store, until: now + this.ttlMs });
    }
    return store;
  }

  /** Forgets one store (after an in-process credential change). */
  invalidate(id: string): void {
    this.entries.delete(id);
  }
}
