import type { Migration } from './migration';

/**
 * Issue 13, the product sales report over a year in ≤ 200 ms: a summary of sales by product and
 * department per UTC hour, clustered by hour (WITHOUT ROWID), so a period is one range scan of small
 * rows. The payment engine adds a sale's rows when it completes (see [Note: product sales by hour]
 * in app/infra/db/office/reports/product-sales-summary.ts); this migration backfills it from every
 * completed sale. The backfill SQL is a frozen copy of that module's as of this version: a migration
 * never changes, while the writer will (weighed lines, returns by item).
 */
export const migration013: Migration = {
  version: 13,
  name: 'product sales summary',
  up(db) {
    db.exec(`
      CREATE TABLE product_sales_by_hour (
        hour_start          INTEGER NOT NULL CHECK (hour_start % 3600000 = 0),
        product_id          INTEGER NOT NULL REFERENCES products (id),
        department          TEXT NOT NULL,
        units               INTEGER NOT NULL,
        amount_centavos     INTEGER NOT NULL,
        iva_centavos        INTEGER NOT NULL,
        costed_net_centavos INTEGER NOT NULL,
        cost_centavos       INTEGER,
        unknown_cost_units  INTEGER NOT NULL,
        PRIMARY KEY (hour_start, product_id, department)
      ) STRICT, WITHOUT ROWID;

      WITH priced AS (
        SELECT s.completed_at AS at, l.product_id, l.department, l.quantity AS units,
               l.unit_cost_centavos AS unit_cost, l.iva_rate_bp AS rate,
               l.unit_price_centavos * l.quantity
                 - (l.unit_price_centavos * l.quantity * l.discount_bp + 5000) / 10000 AS gross
          FROM sales s JOIN sale_lines l ON l.sale_id = s.id
         WHERE s.status = 'completed'),
      taxed AS (
        SELECT at, product_id, department, units, unit_cost, gross,
               CASE WHEN rate = 0 THEN 0 ELSE (2 * gross * rate + 10000 + rate) / (2 * (10000 + rate)) END AS iva
          FROM priced)
      INSERT INTO product_sales_by_hour (hour_start, product_id, department, units, amount_centavos,
             iva_centavos, costed_net_centavos, cost_centavos, unknown_cost_units)
      SELECT (at / 3600000) * 3600000, product_id, ifnull(department, ''),
             SUM(units), SUM(gross), SUM(iva),
             COALESCE(SUM(CASE WHEN unit_cost IS NOT NULL THEN gross - iva END), 0),
             SUM(unit_cost * units),
             COALESCE(SUM(CASE WHEN unit_cost IS NULL THEN units END), 0)
        FROM taxed
       GROUP BY 1, 2, 3;
    `);
  },
};
