import type { Migration } from './migration';

/**
 * Issue 13: the store's own catalog and its stock.
 *
 * - Products gain what a back office edits: unit, sold by weight, cost, IVA exempt (exento is not
 *   tasa 0 on a CFDI, so it is a flag beside the rate, which stays 0), stock tracking and a minimum.
 *   `category` keeps its name in the schema and is the product's *department* in every screen.
 * - Barcodes move to their own table: a product sold under several codes (box, piece, supplier's
 *   old code) is found by any of them. The old column stays (SQLite cannot drop a UNIQUE column)
 *   but is emptied and no longer read.
 * - Quantities of stock are integer thousandths of the product's unit ("milli"), so 1.250 kg is
 *   1250 and a piece is 1000: one integer type for pieces and weights, no float drift.
 * - `stock_movements` is the append-only ledger (like the audit log and cash movements): every
 *   sale, refund, goods receipt and adjustment is a row; `products.stock_milli` is its running sum,
 *   written in the same transaction as each movement so the two never disagree.
 * - Sale lines copy the cost and department at the time of sale, so margins and department totals
 *   of old sales never move when the catalog is edited (as the price is copied since 001).
 */
export const migration010: Migration = {
  version: 10,
  name: 'products and stock',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN unit TEXT NOT NULL DEFAULT 'pieza'
        CHECK (unit IN ('pieza', 'kg', 'g', 'l', 'm'));
      ALTER TABLE products ADD COLUMN sold_by_weight INTEGER NOT NULL DEFAULT 0 CHECK (sold_by_weight IN (0, 1));
      ALTER TABLE products ADD COLUMN cost_centavos INTEGER CHECK (cost_centavos IS NULL OR cost_centavos >= 0);
      ALTER TABLE products ADD COLUMN iva_exempt INTEGER NOT NULL DEFAULT 0
        CHECK (iva_exempt IN (0, 1) AND (iva_exempt = 0 OR iva_rate_bp = 0));
      ALTER TABLE products ADD COLUMN track_stock INTEGER NOT NULL DEFAULT 0 CHECK (track_stock IN (0, 1));
      ALTER TABLE products ADD COLUMN min_stock_milli INTEGER CHECK (min_stock_milli IS NULL OR min_stock_milli >= 0);
      ALTER TABLE products ADD COLUMN stock_milli INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE product_barcodes (
        code       TEXT PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id),
        position   INTEGER NOT NULL CHECK (position >= 0)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_barcodes_by_product ON product_barcodes (product_id, position);
      INSERT INTO product_barcodes (code, product_id, position)
        SELECT barcode, id, 0 FROM products WHERE barcode IS NOT NULL;
      UPDATE products SET barcode = NULL;

      CREATE TABLE stock_movements (
        id                 INTEGER PRIMARY KEY,
        product_id         INTEGER NOT NULL REFERENCES products (id),
        kind               TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'receipt', 'adjustment', 'import')),
        -- Signed: a sale is negative, a receipt positive.
        quantity_milli     INTEGER NOT NULL CHECK (quantity_milli <> 0),
        unit_cost_centavos INTEGER CHECK (unit_cost_centavos IS NULL OR unit_cost_centavos >= 0),
        reason             TEXT,
        sale_id            INTEGER REFERENCES sales (id),
        refund_id          INTEGER REFERENCES refunds (id),
        user_id            INTEGER REFERENCES users (id),
        at                 INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX stock_movements_by_product ON stock_movements (product_id, id);
      CREATE INDEX stock_movements_by_sale ON stock_movements (sale_id) WHERE sale_id IS NOT NULL;
      CREATE TRIGGER stock_movements_refuses_update BEFORE UPDATE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
      CREATE TRIGGER stock_movements_refuses_delete BEFORE DELETE ON stock_movements
      BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;

      ALTER TABLE sale_lines ADD COLUMN unit_cost_centavos INTEGER
        CHECK (unit_cost_centavos IS NULL OR unit_cost_centavos >= 0);
      ALTER TABLE sale_lines ADD COLUMN department TEXT;
      ALTER TABLE sale_lines ADD COLUMN iva_exempt INTEGER NOT NULL DEFAULT 0 CHECK (iva_exempt IN (0, 1));
      UPDATE sale_lines SET department = (SELECT category FROM products WHERE products.id = sale_lines.product_id);
    `);
  },
};
