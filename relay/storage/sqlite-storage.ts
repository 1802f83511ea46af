// SQLite implementation of the storage port: one file, WAL, synchronous=FULL.
// Why FULL and not NORMAL: in WAL mode NORMAL survives a process crash but may lose the last commits on power
// loss, and a lost commit here is a payment result we already answered 200 for (Kushki will not resend it).
// FULL costs one fsync per commit; ingress groups concurrent webhooks into one transaction (group-commit.ts), so
// the fsync is paid per batch, not per webhook. See [Note: storage contract] in storage.ts.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './sqlite-migrations';
import type {
  AppendOutcome,
  CredentialPatch,
  LogBounds,
  NewEvent,
  RelayStorage,
  StoreRecord,
  StoredEvent,
} from './storage';

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
    // Listeners log their own failures; the commit already happened.
  }
}

/** Opens (creating if needed) the relay database in `dataDir`. The directory is 0700 and the file 0600. */
export function openSqliteStorage(dataDir: string): RelayStorage {
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, DB_FILE);
  const db = new Database(file);
  // The file holds signing keys: readable by the relay's user only.
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // The CLI's admin commands may write while `serve` runs; wait for the lock instead of failing.
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    insertStore: db.prepare(
      `INSERT INTO stores (id, name, created_at, secret_hash, prev_secret_hash, prev_secret_expires_at,
        token_hash, signing_key) VALUES (@id, @name, @createdAt, @secretHash, @prevSecretHash,
        @prevSecretExpiresAt, @tokenHash, @signingKey)`,
    ),
    getStore: db.prepare<[string], StoreRow>('SELECT * FROM stores WHERE id = ?'),
    byToken: db.prepare<[string], StoreRow>('SELECT * FROM stores WHERE token_hash = ?'),
    listStores: db.prepare<[], StoreRow>('SELECT * FROM stores ORDER BY created_at, id'),
    findDup: db.prepare<[string, string], { seq: number; id: string }>(
      'SELECT seq, id FROM events WHERE store_id = ? AND dedupe_key = ?',
    ),
    nextSeq: db.prepare<[string], { last_seq: number }>(
      'UPDATE stores SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq',
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (store_id, seq, id, received_at, dedupe_key, bp_signature, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    readEvents: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE store_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    oldest: db.prepare<[string], { seq: number | null }>(
      'SELECT MIN(seq) AS seq FROM events WHERE store_id = ?',
    ),
    lastSeq: db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM stores WHERE id = ?'),
    saveAck: db.prepare('UPDATE stores SET acked_seq = MAX(acked_seq, ?) WHERE id = ?'),
    prune: db.prepare(
      'DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE received_at < ? LIMIT ?)',
    ),
  };

  const listeners = new Set<(events: readonly StoredEvent[]) => void>();

  const appendTx = db.transaction((batch: readonly NewEvent[]): AppendOutcome[] => {
    const out: AppendOutcome[] = [];
    for (const e of batch) {
      const dup = q.findDup.get(e.storeId, e.dedupeKey);
      if (dup) {
        out.push({ kind: 'duplicate', seq: dup.seq, id: dup.id });
        continue;
      }
      const next = q.nextSeq.get(e.storeId);
      if (!next) {
        out.push({ kind: 'unknown_store' });
        continue;
      }
      q.insertEvent.run(e.storeId, next.last_seq, e.id, e.receivedAt, e.dedupeKey, e.bpSignature, e.payload);
      out.push({ kind: 'stored', event: { ...e, seq: next.last_seq } });
    }
    return out;
  });

  const saveAcksTx = db.transaction((acks: ReadonlyMap<string, number>) => {
    for (const [storeId, seq] of acks) q.saveAck.run(seq, storeId);
  });

  let closed = false;
  return {
    async createStore(store) {
      q.insertStore.run(store);
    },
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
    async updateCredentials(id: string, patch: CredentialPatch) {
      const cols: Record<keyof CredentialPatch, string> = {
        secretHash: 'secret_hash',
        prevSecretHash: 'prev_secret_hash',
        prevSecretExpiresAt: 'prev_secret_expires_at',
        tokenHash: 'token_hash',
        signingKey: 'signing_key',
      };
      const keys = (Object.keys(patch) as (keyof CredentialPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return q.getStore.get(id) !== undefined;
      const sql = `UPDATE stores SET ${keys.map((k) => `${cols[k]} = @${k}`).join(', ')} WHERE id = @id`;
      return db.prepare(sql).run({ ...patch, id }).changes === 1;
    },
    async appendEvents(batch) {
      const outcomes = appendTx.immediate(batch);
      const stored = outcomes.flatMap((o) => (o.kind === 'stored' ? [o.event] : []));
      // A failing listener must not turn a committed append into an error (ingress would answer 503 for it).
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
      if (acks.size > 0) saveAcksTx(acks);
    },
    async pruneBefore(cutoff, limit) {
      return q.prune.run(cutoff, limit).changes;
    },
    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      // Fold the WAL back into the main file so a copied data dir is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
