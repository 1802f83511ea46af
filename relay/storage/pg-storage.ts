// PostgreSQL implementation of the storage port (issue 18): several relay instances share one database.
// Durability is PostgreSQL's: a COMMIT that returned is on disk (synchronous_commit=on, the server default, which
// an operator must not turn off for this database: see relay/README.md "PostgreSQL"). Every write is one
// transaction on a pooled connection; seq assignment is in pg-append.ts ([Note: pg seq assignment]); the
// cross-instance part (LISTEN/NOTIFY, stream locks) is pg-coordination.ts.
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '../ops/logger';
import { errorFields } from '../ops/logger';
import { appendBatch } from './pg-append';
import { openPgCoordination } from './pg-coordination';
import { RETENTION_LOCK_KEY } from './pg-keys';
import { migratePg } from './pg-migrations';
import type { LogBounds, RelayCoordination, RelayStorage, StoreRecord, StoredEvent } from './storage';

/** Options of the PostgreSQL adapter. */
export interface PgStorageOptions {
  /** postgres://… (never logged: it may carry a password). */
  databaseUrl: string;
  logger: Logger;
  /** Pooled connections for reads and writes; the coordination connection comes on top. */
  poolSize?: number;
  /** How long a query waits for a pooled connection (or for a new one to open) before it fails; 2 s by default. */
  connectionTimeoutMs?: number;
  /**
   * Whether to open the coordination connection (LISTEN/NOTIFY, stream locks). `serve` does; one-shot admin
   * commands do not need it.
   */
  coordinate?: boolean;
  /** Clock of `notAfter` checks; Date by default. */
  now?: () => number;
}

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

const storeFromRow = (r: StoreRow): StoreRecord => ({
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
});

const eventFromRow = (r: EventRow): StoredEvent => ({
  storeId: r.store_id,
  seq: r.seq,
  id: r.id,
  receivedAt: r.received_at,
  dedupeKey: r.dedupe_key,
  bpSignature: r.bp_signature as StoredEvent['bpSignature'],
  payload: r.payload,
});

const CREDENTIAL_COLUMNS = {
  secretHash: 'secret_hash',
  prevSecretHash: 'prev_secret_hash',
  prevSecretExpiresAt: 'prev_secret_expires_at',
  tokenHash: 'token_hash',
  signingKey: 'signing_key',
} as const;

// int8 arrives as text by default (it can exceed 2^53); seqs and epoch ms here never do, so read them as numbers.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Runs `fn` in a transaction on a pooled connection; a broken connection is discarded, not reused. */
async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client whose connection dies (a PostgreSQL restart) emits 'error' besides failing its query;
  // pool.query listens for that itself, a checked-out client needs a listener or the event ends the process.
  const onError = (err: Error): void => void (broken = err);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const value = await fn(client);
    await client.query('COMMIT');
    return value;
  } catch (err) {
    await client
      .query('ROLLBACK')
      .catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Runs `fn` on a pooled connection outside any explicit transaction; a broken connection is discarded. */
async function withClient<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error): void => void (broken = err);
  client.on('error', onError);
  try {
    return await fn(client);
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Opens the pool, migrates, and (unless `coordinate: false`) starts the coordination connection. */
export async function openPgStorage(options: PgStorageOptions): Promise<RelayStorage> {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: poolSize,
    types,
    // Fail fast when the database is away (a connect that hangs); waits for a free connection stay short because
    // appends never take more than `maxConcurrentAppends` of them (below).
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 2000,
    application_name: 'caja-relay',
  });
  // An idle pooled connection cut by the server (a PostgreSQL restart) is reported here; pg drops it from the
  // pool and the next query opens a new one. Unheard, the event would end the process.
  pool.on('error', (err) => logger.warn('postgres pool connection lost', errorFields(err)));
  try {
    const c = await pool.connect();
    try {
      await migratePg(c);
    } finally {
      c.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  const coordination: RelayCoordination | undefined =
    options.coordinate === false ? undefined : await openPgCoordination(options.databaseUrl, pool, logger);
  const listeners = new Set<(events: readonly StoredEvent[]) => void>();
  let closed = false;

  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | undefined> =>
    (await pool.query<R>(sql, params)).rows[0];

  return {
    coordination,
    // [Note: appends leave room for reads] The group commit used to hand up to 64 batches at once to a pool of 10:
    // 54 waited for a connection, and every stream read, store lookup and ack flush queued behind them, failing
    // after connectionTimeoutMs on a loaded machine (a stream closed, ingress answered 503). Two connections stay
    // free for those; batches beyond the cap wait in the group commit's queue and merge into the next ones.
    maxConcurrentAppends: Math.max(1, poolSize - 2),
    async createStore(s) {
      await pool.query(
        `INSERT INTO stores (id, name, created_at, secret_hash, prev_secret_hash, prev_secret_expires_at,
          token_hash, signing_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          s.id,
          s.name,
          s.createdAt,
          s.secretHash,
          s.prevSecretHash,
          s.prevSecretExpiresAt,
          s.tokenHash,
          s.signingKey,
        ],
      );
    },
    async getStore(id) {
      const row = await one<StoreRow>('SELECT * FROM stores WHERE id = $1', [id]);
      return row ? storeFromRow(row) : undefined;
    },
    async findStoreByTokenHash(tokenHash) {
      const row = await one<StoreRow>('SELECT * FROM stores WHERE token_hash = $1', [tokenHash]);
      return row ? storeFromRow(row) : undefined;
    },
    async listStores() {
      return (await pool.query<StoreRow>('SELECT * FROM stores ORDER BY created_at, id')).rows.map(
        storeFromRow,
      );
    },
    async updateCredentials(id, patch) {
      const keys = (Object.keys(patch) as (keyof typeof CREDENTIAL_COLUMNS)[]).filter(
        (k) => patch[k] !== undefined,
      );
      if (keys.length === 0) return (await one('SELECT 1 FROM stores WHERE id = $1', [id])) !== undefined;
      // Column names come from the fixed map above, never from input.
      const set = keys.map((k, i) => `${CREDENTIAL_COLUMNS[k]} = $${i + 2}`).join(', ');
      const r = await pool.query(`UPDATE stores SET ${set} WHERE id = $1`, [
        id,
        ...keys.map((k) => patch[k]),
      ]);
      return r.rowCount === 1;
    },
    async appendEvents(batch, opts = {}) {
      if (batch.length === 0) return [];
      // One statement, its own transaction: see [Note: pg append in one round trip].
      const outcomes = await withClient(pool, (c) => appendBatch(c, batch, opts.notAfter, now));
      const stored = outcomes.flatMap((o) => (o.kind === 'stored' ? [o.event] : []));
      if (stored.length > 0) {
        for (const l of listeners) {
          try {
            l(stored);
          } catch {
            // Listeners log their own failures; a committed append stays a success.
          }
        }
      }
      return outcomes;
    },
    async readEvents(storeId, afterSeq, limit) {
      const r = await pool.query<EventRow>(
        'SELECT * FROM events WHERE store_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [storeId, afterSeq, limit],
      );
      return r.rows.map(eventFromRow);
    },
    async logBounds(storeId): Promise<LogBounds> {
      const row = await one<{ last_seq: number; oldest: number | null }>(
        `SELECT last_seq, (SELECT MIN(seq) FROM events WHERE store_id = $1) AS oldest FROM stores WHERE id = $1`,
        [storeId],
      );
      return { lastSeq: row?.last_seq ?? 0, oldestSeq: row?.oldest ?? 0 };
    },
    async saveAcks(acks) {
      if (acks.size === 0) return;
      const sorted = [...acks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const ids = sorted.map(([id]) => id);
      // [Note: acks lock in id order] An UPDATE … FROM locks rows in whatever order its plan visits them, not in
      // the order of its input: with 100 stores, an ack flush holding a later row while waiting for an earlier one
      // deadlocked with an append holding the earlier one and waiting for the later (bench: 6 batches answered 503
      // "deadlock detected"). The rows are locked first, in id order, as relay_append does.
      await inTransaction(pool, async (c) => {
        await c.query('SELECT 1 FROM stores WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [ids]);
        await c.query(
          `UPDATE stores SET acked_seq = GREATEST(acked_seq, v.seq)
           FROM unnest($1::text[], $2::bigint[]) AS v(id, seq) WHERE stores.id = v.id`,
          [ids, sorted.map(([, seq]) => seq)],
        );
      });
    },
    pruneBefore: (cutoff, limit) =>
      // One chunk per transaction under a transaction-scoped advisory lock: while one instance prunes, the others'
      // passes find the lock taken and prune nothing (retention runs on one instance at a time).
      inTransaction(pool, async (c) => {
        const got = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS ok', [
          RETENTION_LOCK_KEY,
        ]);
        if (!got.rows[0]?.ok) return 0;
        const r = await c.query(
          `DELETE FROM events WHERE ctid = ANY(ARRAY(
             SELECT ctid FROM events WHERE received_at < $1 ORDER BY received_at LIMIT $2))`,
          [cutoff, limit],
        );
        return r.rowCount ?? 0;
      }),
    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {
      await pool.query('SELECT 1');
      if (coordination && !coordination.healthy()) throw new Error('coordination connection down');
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await coordination?.close();
      await pool.end();
    },
  };
}
