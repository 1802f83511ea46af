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
