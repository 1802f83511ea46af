// Schema migrations for the PostgreSQL store, one entry per version, like sqlite-migrations.ts. Several relay
// instances may start at once on an empty database, so the runner takes a transaction-scoped advisory lock first:
// the second instance waits, then finds the schema current. Never edit a shipped entry; add the next one.
import type { PoolClient } from 'pg';
import { MIGRATION_LOCK_KEY } from './pg-keys';

/** Ordered migrations; index + 1 is the schema version each one produces. */
export const PG_MIGRATIONS: readonly string[] = [
  // payload is TEXT, not jsonb: frames splice the compact JSON as Kushki's fields arrived (jsonb reorders keys and
  // would cost a re-serialisation per delivery). BIGINT for epoch ms and seqs; the adapter reads them as numbers.
  `
  CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    secret_hash TEXT NOT NULL,
    prev_secret_hash TEXT,
    prev_secret_expires_at BIGINT,
    token_hash TEXT NOT NULL UNIQUE,
    signing_key TEXT NOT NULL,
    last_seq BIGINT NOT NULL DEFAULT 0,
    acked_seq BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE events (
    store_id TEXT NOT NULL REFERENCES stores(id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    dedupe_key TEXT NOT NULL,
    bp_signature TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (store_id, seq),
    CONSTRAINT events_dedupe UNIQUE (store_id, dedupe_key)
  );
  CREATE INDEX events_received_at ON events(received_at);
  `,
  // v2: the whole append as one server-side call ([Note: pg append in one round trip], pg-append.ts). The lock is
  // the first statement; every later statement takes a fresh snapshot (READ COMMITTED, a volatile function), so
  // the dedupe check and last_seq see whatever the previous holder committed.
  `
  CREATE FUNCTION relay_append(
    p_store TEXT[], p_id TEXT[], p_received BIGINT[], p_key TEXT[], p_sig TEXT[], p_payload TEXT[],
    p_budget_ms BIGINT, p_channel TEXT
  ) RETURNS TABLE (kind TEXT, seq BIGINT, event_id TEXT) LANGUAGE plpgsql AS $fn$
  DECLARE
    started TIMESTAMPTZ := clock_timestamp();
    fresh_ord BIGINT[];
    fresh_seq BIGINT[];
    inserted BIGINT;
  BEGIN
    -- In id order, so two calls never deadlock.
    PERFORM 1 FROM stores WHERE id = ANY(p_store) ORDER BY id FOR UPDATE;
    -- The budget is what the caller had left when it sent the call; the lock wait is where it goes.
    IF p_budget_ms IS NOT NULL AND clock_timestamp() - started > p_budget_ms * INTERVAL '1 millisecond' THEN
      RETURN QUERY SELECT 'expired'::TEXT, NULL::BIGINT, NULL::TEXT FROM generate_series(1, cardinality(p_store));
      RETURN;
    END IF;
    -- New events: the first copy in the batch of a key its (known) store does not hold yet, numbered per store in
    -- input order after the store's last seq.
    SELECT coalesce(array_agg(f.ord ORDER BY f.ord), '{}'), coalesce(array_agg(f.seq ORDER BY f.ord), '{}')
      INTO fresh_ord, fresh_seq
      FROM (
        SELECT d.ord, st.last_seq + row_number() OVER (PARTITION BY d.s ORDER BY d.ord) AS seq
        FROM (SELECT DISTINCT ON (t.s, t.k) t.ord, t.s, t.k
              FROM unnest(p_store, p_key) WITH ORDINALITY AS t(s, k, ord) ORDER BY t.s, t.k, t.ord) d
        JOIN stores st ON st.id = d.s
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.store_id = d.s AND e.dedupe_key = d.k)
      ) f;
    INSERT INTO events (store_id, seq, id, received_at, dedupe_key, bp_signature, payload)
      SELECT p_store[o], q, p_id[o], p_received[o], p_key[o], p_sig[o], p_payload[o]
      FROM unnest(fresh_ord, fresh_seq) AS t(o, q)
      ON CONFLICT (store_id, dedupe_key) DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    IF inserted <> cardinality(fresh_ord) THEN
      RAISE EXCEPTION 'dedupe conflict under the store lock; the append is rolled back';
    END IF;
    UPDATE stores SET last_seq = m.q
      FROM (SELECT p_store[o] AS id, max(q) AS q FROM unnest(fresh_ord, fresh_seq) AS t(o, q) GROUP BY 1) m
      WHERE stores.id = m.id;
    -- Once per store per call, delivered at COMMIT: only the store id and its new last seq travel.
    PERFORM pg_notify(p_channel, m.id || ':' || m.q)
      FROM (SELECT p_store[o] AS id, max(q) AS q FROM unnest(fresh_ord, fresh_seq) AS t(o, q) GROUP BY 1) m;
    -- Outcomes in input order: a new event's own seq, a duplicate's first copy (stored earlier or in this call).
    RETURN QUERY
      SELECT CASE WHEN st.id IS NULL THEN 'unknown_store' WHEN fr.o IS NOT NULL THEN 'stored' ELSE 'duplicate' END,
             e.seq, e.id
      FROM unnest(p_store, p_key) WITH ORDINALITY AS i(s, k, ord)
      LEFT JOIN stores st ON st.id = i.s
      LEFT JOIN unnest(fresh_ord) AS fr(o) ON fr.o = i.ord
      LEFT JOIN events e ON e.store_id = i.s AND e.dedupe_key = i.k
      ORDER BY i.ord;
  END
  $fn$;
  `,
];

/** Brings the database to the latest schema; throws if a newer relay wrote it. */
export async function migratePg(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)');
    const r = await client.query<{ version: number }>('SELECT version FROM relay_schema');
    const current = r.rows[0]?.version ?? 0;
    if (current > PG_MIGRATIONS.length) {
      throw new Error(
        `relay database schema v${current} is newer than this relay (v${PG_MIGRATIONS.length})`,
      );
    }
    for (let v = current; v < PG_MIGRATIONS.length; v++) await client.query(PG_MIGRATIONS[v] ?? '');
    if (r.rows.length === 0)
      await client.query('INSERT INTO relay_schema VALUES ($1)', [PG_MIGRATIONS.length]);
    else await client.query('UPDATE relay_schema SET version = $1', [PG_MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
