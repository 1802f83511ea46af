/**
 * The product sales summary (migration 013): sales by product and department per UTC hour, written
 * when a sale completes, so the period report over a year sums a few hundred thousand small rows
 * instead of pricing millions of sale lines.
 *
 * [Note: product sales by hour]
 * `product_sales_by_hour` holds, per (UTC hour, product, copied department), the same sums the
 * line-based report computes (units, amount, IVA per line, costed net, cost, units without cost),
 * so summary and lines agree to the centavo. A line without a department (sold before migration 010
 * copied them) is summed under '' (a department is never empty: app/domain/products/product-draft.ts),
 * which keeps the key NOT NULL for a WITHOUT ROWID table clustered by hour. Rows are added by `addSaleToProductSalesSummary` in the
 * completion's own transaction (SqliteSalesRepo.completeSale, inside the payment engine's
 * completion transaction that also writes the stock movements): a completion that rolls back leaves
 * no row. Buckets are whole UTC hours because every zone a store can choose (Mexico's, see
 * app/domain/store-time-zone.ts) is a whole number of hours from UTC, DST included: any store-day
 * boundary, in any of them, falls on a UTC hour, so any period of store days is a sum of buckets.
 * A range that does not (a shift's arbitrary times) reads its partial edge hours from the lines
 * (productSalesFromSummary). Whatever later changes what a sale line sells (weighed quantities,
 * returns by item) changes `lineFiguresSql` and this writer together.
 */
import type { Database, Statement } from 'better-sqlite3';

/** One summary bucket's width. */
export const SUMMARY_BUCKET_MS = 3_600_000;

/**
 * Per-line figures of the sales matching `salesWhere` (an SQL condition on `s`, the sales row), as
 * a CTE named `taxed` with columns at, product_id, department, units, unit_cost, gross, iva. Each
 * line is priced as app/domain/cart-pricing.ts prices it, in integers: the discount is the line's
 * list amount × bp rounded half up, IVA is divideRoundHalfUp(gross × rate, 10000 + rate). See
 * [Note: IVA per line].
 */
export function lineFiguresSql(salesWhere: string): string {
  return `
WITH priced AS (
  SELECT s.completed_at AS at, l.product_id, l.department, l.quantity AS units,
         l.unit_cost_centavos AS unit_cost, l.iva_rate_bp AS rate,
         l.unit_price_centavos * l.quantity
           - (l.unit_price_centavos * l.quantity * l.discount_bp + 5000) / 10000 AS gross
    FROM sales s JOIN sale_lines l ON l.sale_id = s.id
   WHERE ${salesWhere}),
taxed AS (
  SELECT at, product_id, department, units, unit_cost, gross,
         CASE WHEN rate = 0 THEN 0 ELSE (2 * gross * rate + 10000 + rate) / (2 * (10000 + rate)) END AS iva
    FROM priced)`;
}

/** The sums of a group of `taxed` rows, named as ProductSalesSums. */
export const LINE_SUMS_SQL = `SUM(units) AS units, SUM(gross) AS amount, SUM(iva) AS iva,
       COALESCE(SUM(CASE WHEN unit_cost IS NOT NULL THEN gross - iva END), 0) AS costedNet,
       SUM(unit_cost * units) AS cost,
       COALESCE(SUM(CASE WHEN unit_cost IS NULL THEN units END), 0) AS unknownCostUnits`;

/** Adds the completed sales matching `salesWhere` into their hour buckets. */
function summaryInsertSql(salesWhere: string): string {
  return `${lineFiguresSql(salesWhere)}
INSERT INTO product_sales_by_hour (hour_start, product_id, department, units, amount_centavos,
       iva_centavos, costed_net_centavos, cost_centavos, unknown_cost_units)
SELECT (at / ${SUMMARY_BUCKET_MS}) * ${SUMMARY_BUCKET_MS}, product_id, ifnull(department, ''), ${LINE_SUMS_SQL}
  FROM taxed WHERE true
 GROUP BY 1, 2, 3
    ON CONFLICT (hour_start, product_id, department) DO UPDATE SET
       units = units + excluded.units,
       amount_centavos = amount_centavos + excluded.amount_centavos,
       iva_centavos = iva_centavos + excluded.iva_centavos,
       costed_net_centavos = costed_net_centavos + excluded.costed_net_centavos,
       cost_centavos = CASE WHEN excluded.cost_centavos IS NULL THEN cost_centavos
                            ELSE ifnull(cost_centavos, 0) + excluded.cost_centavos END,
       unknown_cost_units = unknown_cost_units + excluded.unknown_cost_units`;
}

const writers = new WeakMap<Database, Statement<[number]>>();

/**
 * Adds one just-completed sale's lines to the summary. Call it exactly once per sale, in the
 * transaction that marks the sale completed. See [Note: product sales by hour].
 */
export function addSaleToProductSalesSummary(db: Database, saleId: number): void {
  let writer = writers.get(db);
  if (!writer) {
    writer = db.prepare<[number]>(summaryInsertSql(`s.id = ? AND s.status = 'completed'`));
    writers.set(db, writer);
  }
  writer.run(saleId);
}

/**
 * Rebuilds the whole summary from the completed sales' lines: for data written around the
 * completion path (the test seeds and the benchmarks write sales with raw SQL).
 */
export function rebuildProductSalesSummary(db: Database): void {
  db.transaction(() => {
    db.exec(`DELETE FROM product_sales_by_hour`);
    db.exec(summaryInsertSql(`s.status = 'completed'`));
  })();
}
