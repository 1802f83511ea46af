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
  // v2 (issue 18): a counter of changes to the stores table, bumped by triggers whichever connection or process
  // writes (the CLI's admin commands run beside `serve`), so the relay keeps every store in memory and needs only
  // this one-row read to know its copy is exact (ingress/store-cache.ts). Appends and acks touch only last_seq and
  // acked_seq, which the triggers leave out: the counter moves on admin writes alone.
  `
  CREATE TABLE store_changes (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT;
  INSERT INTO store_changes (id, version) VALUES (1, 0);
  CREATE TRIGGER stores_inserted AFTER INSERT ON stores
    BEGIN UPDATE store_changes SET version = version + 1; END;
  CREATE TRIGGER stores_deleted AFTER DELETE ON stores
    BEGIN UPDATE store_changes SET version = version + 1; END;
  CREATE TRIGGER stores_updated AFTER UPDATE OF id, name, created_at, secret_hash, prev_secret_hash,
    prev_secret_expires_at, token_hash, signing_key ON stores
    BEGIN UPDATE store_changes SET version = version + 1; END;
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
