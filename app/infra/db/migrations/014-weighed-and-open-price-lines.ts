import type { Migration } from './migration';

/**
 * Issue 14, items 4 and 5: lines sold by weight and open-price lines ("artículo común").
 *
 * - `quantity_milli`: a line sold by weight holds its quantity in thousandths of the product's
 *   unit (0.755 kg = 755) and `quantity` stays 1; NULL on a piece line, whose pieces stay in
 *   `quantity` as since 001, so code that reads only `quantity` keeps counting pieces right.
 *   `unit` is the product's unit copied like the price. See [Note: weighed line money].
 * - `label_amount_centavos`: the amount a price-embedded scale label fixed (the customer pays what
 *   the label says); NULL when the amount is price × weight.
 * - `open_price`: an item not in the catalog, with no product (`product_id` NULL), a typed name,
 *   price and IVA; `open_price_approved_by` is the manager who allowed one above the store's limit.
 *
 * `product_id` was NOT NULL since 001 and SQLite cannot alter a column, so the table is rebuilt
 * (the generalized ALTER TABLE of sqlite.org/lang_altertable.html §7): the copy keeps every row and
 * id, and every index and trigger on sale_lines is read from the schema and created again, so
 * whatever an earlier migration put on the table survives. Nothing references sale_lines by a
 * foreign key, so dropping the old table inside the migration's transaction checks nothing.
 */

/** Every column sale_lines has after 012, in order: a column this does not know stops the upgrade. */
const KNOWN_COLUMNS = [
  'id',
  'sale_id',
  'product_id',
  'sku',
  'name',
  'unit_price_centavos',
  'iva_rate_bp',
  'quantity',
  'added_at',
  'discount_bp',
  'discount_approved_by',
  'unit_cost_centavos',
  'department',
  'iva_exempt',
];

export const migration014: Migration = {
  version: 14,
  name: 'weighed and open-price lines',
  up(db) {
    const columns = (db.prepare(`PRAGMA table_info(sale_lines)`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const unknown = columns.filter((c) => !KNOWN_COLUMNS.includes(c));
    if (unknown.length > 0)
      throw new Error(`migration 014 does not know sale_lines columns ${unknown.join(', ')}`);
    const dependents = db
      .prepare(
        `SELECT sql FROM sqlite_master WHERE tbl_name = 'sale_lines' AND type IN ('index', 'trigger')
            AND sql IS NOT NULL ORDER BY type, name`,
      )
      .all() as { sql: string }[];
    db.exec(`
      CREATE TABLE sale_lines_014 (
        id                     INTEGER PRIMARY KEY,
        sale_id                INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
        product_id             INTEGER REFERENCES products (id),
        sku                    TEXT NOT NULL,
        name                   TEXT NOT NULL,
        unit_price_centavos    INTEGER NOT NULL CHECK (unit_price_centavos >= 0),
        iva_rate_bp            INTEGER NOT NULL CHECK (iva_rate_bp IN (0, 800, 1600)),
        quantity               INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        added_at               INTEGER NOT NULL,
        discount_bp            INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
        discount_approved_by   INTEGER REFERENCES users (id),
        unit_cost_centavos     INTEGER CHECK (unit_cost_centavos IS NULL OR unit_cost_centavos >= 0),
        department             TEXT,
        iva_exempt             INTEGER NOT NULL DEFAULT 0 CHECK (iva_exempt IN (0, 1)),
        quantity_milli         INTEGER CHECK (quantity_milli IS NULL OR quantity_milli BETWEEN 1 AND 999999),
        unit                   TEXT NOT NULL DEFAULT 'pieza' CHECK (unit IN ('pieza', 'kg', 'g', 'l', 'm')),
        label_amount_centavos  INTEGER CHECK (label_amount_centavos IS NULL OR label_amount_centavos >= 0),
        open_price             INTEGER NOT NULL DEFAULT 0 CHECK (open_price IN (0, 1)),
        open_price_approved_by INTEGER REFERENCES users (id),
        CHECK ((open_price = 1) = (product_id IS NULL)),
        CHECK (quantity_milli IS NULL OR quantity = 1),
        CHECK (label_amount_centavos IS NULL OR quantity_milli IS NOT NULL)
      ) STRICT;
      INSERT INTO sale_lines_014 (${KNOWN_COLUMNS.join(', ')})
        SELECT ${KNOWN_COLUMNS.join(', ')} FROM sale_lines;
      DROP TABLE sale_lines;
      ALTER TABLE sale_lines_014 RENAME TO sale_lines;
    `);
    for (const { sql } of dependents) db.exec(sql);
    // The product sales summary (013) counts weighed quantities too; open-price lines, having no
    // product, stay out of it and are found through this index (product-sales-summary.ts).
    db.exec(`
      ALTER TABLE product_sales_by_hour ADD COLUMN weighed_milli INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX sale_lines_open_price ON sale_lines (sale_id) WHERE product_id IS NULL;
    `);
  },
};
