import type { Migration } from './migration';

/**
 * Issue 17 (several registers in one store), deliverable 2: the registers paired with this store
 * server. The server keeps only the SHA-256 of each register's credential (a random 256-bit value,
 * so a plain hash is enough: there is nothing to guess). Rows are never deleted: a revoked register
 * keeps its id, so sales that later carry a register id keep pointing at a name.
 */
export const migration016: Migration = {
  version: 16,
  name: 'registers',
  up(db) {
    db.exec(`
      CREATE TABLE registers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        credential_hash BLOB NOT NULL CHECK (length(credential_hash) = 32),
        paired_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_seen INTEGER
      ) STRICT;
      CREATE TRIGGER registers_no_delete BEFORE DELETE ON registers
        BEGIN SELECT RAISE(ABORT, 'registers are revoked, never deleted'); END;
      CREATE TRIGGER registers_no_unrevoke BEFORE UPDATE OF revoked_at ON registers
        WHEN OLD.revoked_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a revoked register stays revoked'); END;
    `);
  },
};
