// SQLite implementation of the storage port: one file, WAL, synchronous=FULL.
// Why FULL and not NORMAL: in WAL mode NORMAL survives a process crash but may lose the last commits on power
// loss, and a lost commit here is a payment result we already answered 200 for (Kushki will not resend it).
// FULL costs one fsync per commit; ingress groups concurrent webhooks into one transaction (group-commit.ts) and
// the writes run on their own thread (sqlite-writer.ts), so the fsync is paid per batch and blocks nobody.
// Reads run on this thread's own connection: WAL readers never wait for the writer.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './sqlite-migrations';
import { inlineWriter, threadWriter } from './sqlite-writer';
import type { AppendOutcome, LogBounds, NewEvent, RelayStorage, StoreRecord, StoredEvent } from './storage';

/** File name of the relay database inside the data directory. */
export const DB_FILE = 'relay.sqlite';

interface StoreRow {
  id: string;
  name: string;
  created_at: number;
  secret_hash: string;
  prev_secret_hash: string | null;
  prev_secret_expires_at: number | null;
  token_hash: string;
  signing_key: string;
  last_seq: number;
  acked_seq: number;
}

interface EventRow {
  store_id: string;
  seq: number;
  id: string;
  received_at: number;
  dedupe_key: string;
  bp_signature: string;
  payload: string;
}

function storeFromRow(r: StoreRow): StoreRecord {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    secretHash: r.secret_hash,
    prevSecretHash: r.prev_secret_hash,
    prevSecretExpiresAt: r.prev_secret_expires_at,
    tokenHash: r.token_hash,
    signingKey: r.signing_key,
    lastSeq: r.last_seq,
    ackedSeq: r.acked_seq,
  };
}

function eventFromRow(r: EventRow): StoredEvent {
  return {
    storeId: r.store_id,
    seq: r.seq,
    id: r.id,
    receivedAt: r.received_at,
    dedupeKey: r.dedupe_key,
    bpSignature: r.bp_signature as StoredEvent['bpSignature'],
    payload: r.payload,
  };
}

function safeCall(l: (events: readonly StoredEvent[]) => void, events: readonly StoredEvent[]): void {
  try {
    l(events);
  } catch {
    // Listeners log their own failures; a failing one must not turn a committed append into an error.
  }
}

/**
 * Opens (creating if needed) the relay database in `dataDir`; the directory is 0700 and the file 0600 (it holds
 * signing keys). `writer: 'thread'` (the server) moves writes to a worker thread; `'inline'` (one-shot admin
 * commands, and a relay embedded in the Electron app) writes on this thread. `nativeBinding` is the path of a
 * better_sqlite3.node built for another runtime (the Electron shell's); it implies inline writes, since the
 * writer thread loads the module by name.
 */
export function openSqliteStorage(
  dataDir: string,
  options: { writer?: 'thread' | 'inline'; nativeBinding?: string | undefined } = {},
): RelayStorage {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DB_FILE);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The CLI's admin commands may write while `serve` runs; wait for the lock instead of failing.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const inline = options.writer === 'inline' || options.nativeBinding !== undefined;
  const writer = inline ? inlineWriter(db) : threadWriter(file);

  const q = {
    getStore: db.prepare<[string], StoreRow>('SELECT * FROM stores WHERE id = ?'),
    byToken: db.prepare<[string], StoreRow>('SELECT * FROM stores WHERE token_hash = ?'),
    listStores: db.prepare<[], StoreRow>('SELECT * FROM stores ORDER BY created_at, id'),
    readEvents: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE store_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    oldest: db.prepare<[string], { seq: number | null }>(
      'SELECT MIN(seq) AS seq FROM events WHERE store_id = ?',
    ),
    lastSeq: db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM stores WHERE id = ?'),
    storesVersion: db.prepare<[], { version: number }>('SELECT version FROM store_changes'),
    ping: db.prepare('SELECT 1'),
  };
  const listeners = new Set<(events: readonly StoredEvent[]) => void>();
  let closed = false;

  return {
    createStore: (store) => writer.call('createStore', store),
    async getStore(id) {
      const row = q.getStore.get(id);
      return row ? storeFromRow(row) : undefined;
    },
    async findStoreByTokenHash(tokenHash) {
      const row = q.byToken.get(tokenHash);
      return row ? storeFromRow(row) : undefined;
    },
    async listStores() {
      return q.listStores.all().map(storeFromRow);
    },
    async storesVersion() {
      return q.storesVersion.get()?.version ?? 0;
    },
    updateCredentials: (id, patch) => writer.call('updateCredentials', id, patch),
    async appendEvents(batch, options = {}) {
      const written = await writer.call('append', batch, options.notAfter);
      const stored: StoredEvent[] = [];
      const outcomes = written.map((o, i): AppendOutcome => {
        if (o.kind !== 'stored') return o;
        const event = { ...(batch[i] as NewEvent), seq: o.seq };
        stored.push(event);
        return { kind: 'stored', event };
      });
      if (stored.length > 0) for (const l of listeners) safeCall(l, stored);
      return outcomes;
    },
    async readEvents(storeId, afterSeq, limit) {
      return q.readEvents.all(storeId, afterSeq, limit).map(eventFromRow);
    },
    async logBounds(storeId): Promise<LogBounds> {
      const last = q.lastSeq.get(storeId)?.last_seq ?? 0;
      return { lastSeq: last, oldestSeq: q.oldest.get(storeId)?.seq ?? 0 };
    },
    async saveAcks(acks) {
      if (acks.size > 0) await writer.call('saveAcks', [...acks]);
    },
    pruneBefore: (cutoff, limit) => writer.call('prune', cutoff, limit),
    writeStats: () => writer.stats(),
    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      const failure = writer.failure();
      if (failure) throw new Error(failure);
      q.ping.get();
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      // The writer checkpoints and closes its connection first (for 'inline' that is this very connection).
      await writer.call('close');
      await writer.stop();
      if (db.open) db.close();
    },
  };
}
