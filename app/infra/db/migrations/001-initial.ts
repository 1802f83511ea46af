import type { Migration } from './migration';

/**
 * First schema. Money columns are INTEGER centavos; times are UTC epoch milliseconds.
 * Every table is STRICT so SQLite refuses a value of the wrong type instead of storing it.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        -- Secret rows (the Kushki key, relay tokens) are never returned through the API.
        secret     INTEGER NOT NULL DEFAULT 0 CHECK (secret IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
        pin_hash   TEXT NOT NULL,
        active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE products (
        id             INTEGER PRIMARY KEY,
        sku            TEXT NOT NULL UNIQUE COLLATE NOCASE,
        barcode        TEXT UNIQUE,
        name           TEXT NOT NULL,
        -- Folded name (lower case, no accents) so "platano" finds "Plátano".
        search_text    TEXT NOT NULL,
        price_centavos INTEGER NOT NULL CHECK (price_centavos >= 0),
        iva_rate_bp    INTEGER NOT NULL CHECK (iva_rate_bp IN (0, 800, 1600)),
        category       TEXT NOT NULL,
        active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX products_by_category ON products (category, name);

      CREATE TABLE sales (
        id              INTEGER PRIMARY KEY,
        status          TEXT NOT NULL CHECK (status IN ('open', 'parked', 'completed', 'voided')),
        cashier_id      INTEGER REFERENCES users (id),
        opened_at       INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        completed_at    INTEGER,
        total_centavos  INTEGER CHECK (total_centavos >= 0),
        iva_centavos    INTEGER CHECK (iva_centavos >= 0)
      ) STRICT;
      -- One register, one cart: at most one sale is open at a time.
      CREATE UNIQUE INDEX sales_one_open ON sales (status) WHERE status = 'open';

      CREATE TABLE sale_lines (
        id                  INTEGER PRIMARY KEY,
        sale_id             INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
        product_id          INTEGER NOT NULL REFERENCES products (id),
        -- Copied from the product when added: a later price change never rewrites a sale.
        sku                 TEXT NOT NULL,
        name                TEXT NOT NULL,
        unit_price_centavos INTEGER NOT NULL CHECK (unit_price_centavos >= 0),
        iva_rate_bp         INTEGER NOT NULL CHECK (iva_rate_bp IN (0, 800, 1600)),
        quantity            INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        added_at            INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sale_lines_by_sale ON sale_lines (sale_id, id);

      CREATE TABLE payments (
        id                 INTEGER PRIMARY KEY,
        sale_id            INTEGER NOT NULL REFERENCES sales (id),
        method             TEXT NOT NULL CHECK (method IN ('card', 'cash')),
        status             TEXT NOT NULL CHECK (status IN ('requested', 'sent', 'unknown', 'declined', 'canceled',
                             'expired', 'failed', 'approved', 'refund_requested', 'refunded')),
        -- What the sale receives; a card tip is on top and goes to staff, not to the sale.
        amount_centavos    INTEGER NOT NULL CHECK (amount_centavos > 0),
        tip_centavos       INTEGER NOT NULL DEFAULT 0 CHECK (tip_centavos >= 0),
        msi                INTEGER NOT NULL DEFAULT 0 CHECK (msi IN (0, 3, 6, 9, 12, 18)),
        tendered_centavos  INTEGER CHECK (tendered_centavos >= 0),
        change_centavos    INTEGER CHECK (change_centavos >= 0),
        -- Kushki's identifier and uniqueReference: minted and stored before any request is sent.
        identifier         TEXT UNIQUE,
        unique_reference   TEXT UNIQUE,
        terminal_serial    TEXT,
        ttl_seconds        INTEGER,
        kushki_status      TEXT,
        transaction_id     TEXT,
        authorization_code TEXT,
        card_brand         TEXT,
        card_last4         TEXT,
        -- Why it did not go through (Kushki's result or responseCode), shown to the cashier.
        failure_reason     TEXT,
        cancel_requested   INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        created_by         INTEGER REFERENCES users (id),
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        -- Verification schedule: when to ask get-status next, and how many times we have.
        next_check_at      INTEGER,
        check_count        INTEGER NOT NULL DEFAULT 0,
        CHECK ((method = 'card') = (unique_reference IS NOT NULL))
      ) STRICT;
      CREATE INDEX payments_by_sale ON payments (sale_id);
      CREATE INDEX payments_due_checks ON payments (next_check_at) WHERE next_check_at IS NOT NULL;
      -- One unresolved card payment per sale: a second charge cannot start while one is in doubt.
      CREATE UNIQUE INDEX payments_one_open_card ON payments (sale_id)
        WHERE method = 'card' AND status IN ('requested', 'sent', 'unknown');

      CREATE TABLE payment_events (
        id               INTEGER PRIMARY KEY,
        -- NULL when an inbound event matched no payment: it is kept and shown to managers, not dropped.
        payment_id       INTEGER REFERENCES payments (id),
        unique_reference TEXT,
        -- The relay's event id for webhooks: the same event delivered twice is stored once.
        external_id      TEXT UNIQUE,
        kind             TEXT NOT NULL,
        source           TEXT NOT NULL,
        from_status      TEXT,
        to_status        TEXT,
        detail           TEXT,
        raw_payload      TEXT,
        actor_user_id    INTEGER REFERENCES users (id),
        at               INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX payment_events_by_payment ON payment_events (payment_id, id);
      CREATE INDEX payment_events_by_reference ON payment_events (unique_reference);
      CREATE INDEX payment_events_unmatched ON payment_events (at) WHERE payment_id IS NULL;

      CREATE TABLE audit_log (
        id            INTEGER PRIMARY KEY,
        at            INTEGER NOT NULL,
        actor_user_id INTEGER REFERENCES users (id),
        action        TEXT NOT NULL,
        subject       TEXT,
        details       TEXT
      ) STRICT;
      CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
