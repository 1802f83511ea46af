// The storage port of the relay. Everything above it (ingress, stream, admin) speaks only this interface, so a
// PostgreSQL implementation serving several relay instances can replace SQLite without touching the rest.
// [Note: storage contract]
// - appendEvents is durable and atomic per call: when its promise resolves, every `stored` outcome survives a
//   crash (and, with SQLite synchronous=FULL, a power cut); if it rejects, nothing of the call was stored. An
//   implementation may merge concurrent calls into one transaction (SQLite does: its writer thread commits
//   everything queued since the previous commit together). Ingress answers 200 only after the promise resolves.
// - A call whose `notAfter` (epoch ms) has passed when its turn comes is not written: every outcome is `expired`.
// - Sequences are per store, start at 1 and are contiguous: an event either gets last_seq + 1 or is a duplicate
//   (same store, same dedupe key) and gets the existing event's seq. No gaps except by retention pruning.
// - onAppended fires after commit for events appended by this instance, with the events. Events appended by
//   another instance sharing the database reach this one as `coordination.onAdvanced` (store id and last seq
//   only, from PostgreSQL's LISTEN/NOTIFY), and the stream reads them from storage.
import type { BpSignatureStatus } from '../protocol/messages';

/** A store as persisted: only hashes of the ingress secret and stream token, the signing key in clear. */
export interface StoreRecord {
  id: string;
  name: string;
  createdAt: number;
  secretHash: string;
  /** The previous ingress secret stays valid until this time after a rotation, so Kushki's retries still land. */
  prevSecretHash: string | null;
  prevSecretExpiresAt: number | null;
  tokenHash: string;
  signingKey: string;
  lastSeq: number;
  ackedSeq: number;
}

/** An event ingress wants stored. */
export interface NewEvent {
  storeId: string;
  id: string;
  receivedAt: number;
  dedupeKey: string;
  bpSignature: BpSignatureStatus;
  /** Compact JSON text of the webhook object. */
  payload: string;
}

/** An event as stored. */
export interface StoredEvent extends NewEvent {
  seq: number;
}

/** Result of one append: stored anew, or a redelivery of an event already stored. */
export type AppendOutcome =
  | { kind: 'stored'; event: StoredEvent }
  | { kind: 'duplicate'; seq: number; id: string }
  | { kind: 'unknown_store' }
  | { kind: 'expired' };

/** Bounds of a store's retained event log. oldestSeq is 0 when nothing is retained. */
export interface LogBounds {
  lastSeq: number;
  oldestSeq: number;
}

/** Credential columns an admin operation may replace. */
export type CredentialPatch = Partial<
  Pick<StoreRecord, 'secretHash' | 'prevSecretHash' | 'prevSecretExpiresAt' | 'tokenHash' | 'signingKey'>
>;

/**
 * Cross-instance duties of a storage that several relay instances share (PostgreSQL); SQLite has none (one
 * process). See [Note: one stream across instances] in relay/stream/cross-instance.ts.
 */
export interface RelayCoordination {
  /** Some instance (this one included) committed events of `storeId` up to `lastSeq`. */
  onAdvanced(listener: (storeId: string, lastSeq: number) => void): () => void;
  /** Some instance wants `storeId`'s stream: a session for it here must let go. */
  onTakeover(listener: (storeId: string) => void): () => void;
  /** The coordination connection failed: every stream lock this instance held is gone. */
  onLost(listener: () => void): () => void;
  /** Takes the store's stream lock, asking its holder to let go; false if it did not come within the timeout. */
  claimStream(storeId: string): Promise<boolean>;
  /** Gives back a lock taken by a successful claimStream. */
  releaseStream(storeId: string): void;
  /** Last seqs of the given stores: the fallback poll, for a notification that never arrived. */
  lastSeqs(storeIds: readonly string[]): Promise<Map<string, number>>;
  healthy(): boolean;
  close(): Promise<void>;
}

/** The relay's persistence port. */
export interface RelayStorage {
  /** Present when several instances share this storage. */
  coordination?: RelayCoordination | undefined;
  /**
   * appendEvents calls worth having in flight at once; more would only wait for a connection (PostgreSQL's pool).
   * Unset: no limit of its own (SQLite's writer merges whatever is queued).
   */
  maxConcurrentAppends?: number;
  createStore(store: Omit<StoreRecord, 'lastSeq' | 'ackedSeq'>): Promise<void>;
  getStore(id: string): Promise<StoreRecord | undefined>;
  findStoreByTokenHash(tokenHash: string): Promise<StoreRecord | undefined>;
  listStores(): Promise<StoreRecord[]>;
  /**
   * A number that changes whenever any store's record (credentials, name) is added, changed or removed, by any
   * process sharing the storage; appends and acks leave it alone. Lets a cache of every store stay exact with one
   * cheap read (ingress/store-cache.ts). Absent: the cache falls back to a short time to live.
   */
  storesVersion?(): Promise<number>;
  updateCredentials(id: string, patch: CredentialPatch): Promise<boolean>;
  /** Appends a batch in one durable transaction; outcomes are in input order. See [Note: storage contract]. */
  appendEvents(batch: readonly NewEvent[], options?: { notAfter?: number }): Promise<AppendOutcome[]>;
  /** Events of one store with seq > afterSeq, ascending, at most `limit`. */
  readEvents(storeId: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;
  logBounds(storeId: string): Promise<LogBounds>;
  /** Records clients' cumulative acks; never moves a cursor backwards. */
  saveAcks(acks: ReadonlyMap<string, number>): Promise<void>;
  /** Deletes up to `limit` events received before `cutoff`; returns how many went. */
  pruneBefore(cutoff: number, limit: number): Promise<number>;
  onAppended(listener: (events: readonly StoredEvent[]) => void): () => void;
  /** Group-commit figures, if the implementation keeps them: transactions, events written, seconds spent. */
  writeStats?(): { transactions: number; events: number; seconds: number } | undefined;
  /** Cheap round trip proving the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
