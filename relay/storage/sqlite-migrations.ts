// Schema migrations for the SQLite store, one entry per version, applied in order inside one transaction.
// Never edit a shipped entry; add the next one. The runner refuses a database written by a newer relay.
import type Database from 'better-sqlite3';

/** Ordered migrations; index + 1 is the schema version each one produces. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    secret_hash TEXT NOT NULL,
    prev_secret_hash TEXT,
    prev_secret_expires_at INTEGER,
    token_hash TEXT NOT NULL UNIQUE,
    signing_key TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    acked_seq INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE TABLE events (
    store_id TEXT NOT NULL REFERENCES stores(id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    dedupe_key TEXT NOT NULL,
    bp_signature TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (store_id, seq)
  ) STRICT;
  CREATE UNIQUE INDEX events_dedupe ON events(store_id, dedupe_key);
  CREATE INDEX events_received_at ON events(received_at);
  `,
];

/** Brings the database to the latest schema; throws if it was written by a newer version. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`relay database schema v${current} is newer than this relay (v${MIGRATIONS.length})`);
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
