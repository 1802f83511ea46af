import type { Migration } from './migration';

/**
 * Issue 17, deliverables 1 and 3: one book for every register of the store. [Note: register on the book]
 *
 * - The store server's own counter is register 0, a row of `registers` like any paired PC, so a
 *   report names every register with one join. Its credential hash is 32 random bytes whose preimage
 *   nobody holds, and the register service never authenticates or revokes id 0 anyway.
 * - `sales.register_id`: each register has its own open sale (the one-open-sale index becomes one per
 *   register) and its own parked sales.
 * - `payments.register_id` is copied from the payment's sale by a trigger, never from a caller: a
 *   payment belongs to the register whose sale it pays.
 * - `shifts.register_id` was TEXT ('main', the only register before this issue) and becomes the
 *   register's integer id; every existing shift was register 0's.
 * - `audit_log.register_id`: where an action was taken; NULL for what no register did (the relay,
 *   start-up reconciliation, a CLI).
 *
 * No column gets a foreign key: SQLite's ADD COLUMN refuses a REFERENCES column with a non-NULL
 * default while foreign keys are on, and registers are never deleted (migration 016's trigger).
 */
export const migration017: Migration = {
  version: 17,
  name: 'register on the book',
  up(db) {
    db.exec(`
      INSERT INTO registers (id, name, credential_hash, paired_at) VALUES (0, 'Caja principal', randomblob(32), 0);

      ALTER TABLE sales ADD COLUMN register_id INTEGER NOT NULL DEFAULT 0 CHECK (register_id >= 0);
      DROP INDEX sales_one_open;
      CREATE UNIQUE INDEX sales_one_open_per_register ON sales (register_id) WHERE status = 'open';
      CREATE INDEX sales_by_register ON sales (register_id, status, updated_at);

      ALTER TABLE payments ADD COLUMN register_id INTEGER NOT NULL DEFAULT 0 CHECK (register_id >= 0);
      UPDATE payments SET register_id = (SELECT s.register_id FROM sales s WHERE s.id = payments.sale_id);
      CREATE TRIGGER payments_register_from_sale AFTER INSERT ON payments
      BEGIN
        UPDATE payments SET register_id = COALESCE((SELECT s.register_id FROM sales s WHERE s.id = NEW.sale_id), 0)
         WHERE id = NEW.id;
      END;
      CREATE INDEX payments_by_register ON payments (register_id, created_at);

      DROP INDEX shifts_one_open;
      ALTER TABLE shifts DROP COLUMN register_id;
      ALTER TABLE shifts ADD COLUMN register_id INTEGER NOT NULL DEFAULT 0 CHECK (register_id >= 0);
      CREATE UNIQUE INDEX shifts_one_open ON shifts (register_id) WHERE closed_at IS NULL;

      ALTER TABLE audit_log ADD COLUMN register_id INTEGER CHECK (register_id IS NULL OR register_id >= 0);
    `);
  },
};
