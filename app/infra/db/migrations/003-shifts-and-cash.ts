import type { Migration } from './migration';

/**
 * Issue 7: shifts and the cash ledger, plus the indexes the reports read through.
 * - One open shift per register (partial unique index); Caja has one register today ('main').
 * - A closed shift keeps what was counted, what was expected and the difference, computed once at
 *   closing, so a later correction elsewhere never rewrites a closed drawer's result.
 * - cash_movements are append-only like the audit log: a wrong one is corrected by its opposite.
 */
export const migration003: Migration = {
  version: 3,
  name: 'shifts and cash',
  up(db) {
    db.exec(`
      CREATE TABLE shifts (
        id                     INTEGER PRIMARY KEY,
        register_id            TEXT NOT NULL DEFAULT 'main',
        opened_by              INTEGER NOT NULL REFERENCES users (id),
        opened_at              INTEGER NOT NULL,
        opening_float_centavos INTEGER NOT NULL CHECK (opening_float_centavos >= 0),
        closed_by              INTEGER REFERENCES users (id),
        closed_at              INTEGER,
        counted_centavos       INTEGER CHECK (counted_centavos >= 0),
        expected_centavos      INTEGER,
        difference_centavos    INTEGER,
        -- {"b1000": 2, "c050": 3, ...}: the count per bill and coin behind counted_centavos.
        denominations          TEXT CHECK (denominations IS NULL OR json_valid(denominations)),
        -- Closing fields are all set together, or none.
        CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
        CHECK ((closed_at IS NULL) = (counted_centavos IS NULL)),
        CHECK ((closed_at IS NULL) = (expected_centavos IS NULL)),
        CHECK ((closed_at IS NULL) = (difference_centavos IS NULL)),
        CHECK ((closed_at IS NULL) = (denominations IS NULL)),
        CHECK (closed_at IS NULL OR closed_at >= opened_at),
        CHECK (difference_centavos IS NULL OR difference_centavos = counted_centavos - expected_centavos)
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open ON shifts (register_id) WHERE closed_at IS NULL;
      CREATE INDEX shifts_by_opened ON shifts (opened_at);

      CREATE TABLE cash_movements (
        id              INTEGER PRIMARY KEY,
        shift_id        INTEGER NOT NULL REFERENCES shifts (id),
        kind            TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        amount_centavos INTEGER NOT NULL CHECK (amount_centavos > 0),
        reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_by      INTEGER NOT NULL REFERENCES users (id),
        created_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id, id);
      CREATE TRIGGER cash_movements_refuse_update BEFORE UPDATE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;
      CREATE TRIGGER cash_movements_refuse_delete BEFORE DELETE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END;

      -- Reports: the payments that took money, by time, with every column the breakdowns group on,
      -- so a day or a month is one index range scan without touching the table.
      CREATE INDEX payments_report ON payments
        (created_at, method, card_brand, created_by, amount_centavos, tip_centavos, sale_id)
        WHERE status IN ('approved', 'refund_requested', 'refunded');
      -- Refunds count on the day Kushki confirmed them: the transition into 'refunded', by time.
      CREATE INDEX payment_events_refunded ON payment_events (at, payment_id) WHERE to_status = 'refunded';
    `);
  },
};
