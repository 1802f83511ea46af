import type { Database } from 'better-sqlite3';
import {
  addSums,
  emptySums,
  figuresOf,
  type DepartmentSalesRow,
  type ProductSalesBreakdown,
  type ProductSalesRow,
  type ProductSalesSums,
} from '../../../../domain/office/product-sales';
import { OPEN_PRICE_DEFAULT_NAME } from '../../../../domain/counter-settings';
import type { ProductUnit } from '../../../../domain/products/product-record';
import { LINE_SUMS_SQL, lineFiguresSql, SUMMARY_BUCKET_MS } from './product-sales-summary';

/**
 * Sales by product and department over completed sales whose completion falls in [start, end), two
 * ways that give the same figures: from the sale lines (one range scan of the sales_completed index,
 * migration 012; the Z report's shift and day) and from the hourly summary (migration 013; the
 * period report). Both group by (product, copied department) — at most a few thousand groups per
 * hour range — and are rolled up here into both breakdowns. See [Note: product sales by hour].
 */
const PRODUCT_SALES_SQL = `${lineFiguresSql(
  "s.status = 'completed' AND s.completed_at >= @start AND s.completed_at < @end AND (@register IS NULL OR s.register_id = @register)",
)}
SELECT t.product_id AS productId, t.department AS department, p.sku AS sku, p.name AS name,
       p.category AS currentDepartment, p.unit AS unit, ${LINE_SUMS_SQL}
  FROM taxed t LEFT JOIN products p ON p.id = t.product_id
 GROUP BY t.product_id, t.department`;

/** The summary's buckets in [start, end) (both whole hours), grouped as PRODUCT_SALES_SQL groups. */
const SUMMARY_SALES_SQL = `
WITH g AS (
  SELECT product_id, department, SUM(units) AS units, SUM(amount_centavos) AS amount,
         SUM(iva_centavos) AS iva, SUM(costed_net_centavos) AS costedNet, SUM(cost_centavos) AS cost,
         SUM(unknown_cost_units) AS unknownCostUnits, SUM(weighed_milli) AS weighedMilli
    FROM product_sales_by_hour WHERE hour_start >= @start AND hour_start < @end
   GROUP BY product_id, department)
SELECT g.product_id AS productId, nullif(g.department, '') AS department, p.sku AS sku, p.name AS name,
       p.category AS currentDepartment, p.unit AS unit, g.units, g.weighedMilli, g.amount, g.iva, g.costedNet,
       g.cost, g.unknownCostUnits
  FROM g LEFT JOIN products p ON p.id = g.product_id`;

/**
 * Open-price lines ("Artículo común", no product) are not in the summary, whose key needs a product:
 * they are read from their lines, few and found through the partial index of migration 014.
 */
const OPEN_PRICE_SALES_SQL = `${lineFiguresSql(
  "s.status = 'completed' AND s.completed_at >= @start AND s.completed_at < @end",
  'l.product_id IS NULL',
)}
SELECT NULL AS productId, t.department AS department, NULL AS sku, NULL AS name, NULL AS currentDepartment,
       NULL AS unit, ${LINE_SUMS_SQL}
  FROM taxed t GROUP BY t.department`;

interface GroupRow extends ProductSalesSums {
  /** Null for the open-price lines ("Artículo común"), which have no product (migration 014). */
  productId: number | null;
  unit: string | null;
  department: string | null;
  sku: string | null;
  name: string | null;
  currentDepartment: string | null;
}

const byAmountDesc = (a: { amount: number; units: number }, b: { amount: number; units: number }) =>
  b.amount - a.amount || b.units - a.units;

type Range = { start: number; end: number };

const lineGroups = (db: Database, range: Range, register: number | null = null): GroupRow[] =>
  range.start < range.end
    ? db
        .prepare<[Range & { register: number | null }], GroupRow>(PRODUCT_SALES_SQL)
        .all({ ...range, register })
    : [];

/**
 * Both breakdowns of the completed sales in [start, end), priced from their lines; of one
 * register's sales when `registerId` is given (issue 17).
 */
export function productSales(
  db: Database,
  start: number,
  end: number,
  registerId?: number,
): ProductSalesBreakdown {
  return rollUp(lineGroups(db, { start, end }, registerId ?? null));
}

/**
 * Both breakdowns of the completed sales in [start, end), from the hourly summary; the partial
 * hours at either end, if any, from the lines (none for store days: see [Note: product sales by hour]).
 *
 * [Note: product sales of one register]
 * The summary has no register column: one register's sales (issue 17) are priced from their lines.
 * Keeping the summary store-wide keeps its key, its writer and the whole-store year report exactly
 * as migration 013 made them (a register key would multiply a busy hour's rows by the registers and
 * need a table rebuild and a backfill); a register's report is the rarer question, usually over a
 * day or a month, and its line scan reads the sales_completed range (migration 012) and skips the
 * other registers' sales before touching their lines. `npm run bench:reports` prints both.
 */
export function productSalesFromSummary(
  db: Database,
  start: number,
  end: number,
  registerId?: number,
): ProductSalesBreakdown {
  if (registerId !== undefined) return productSales(db, start, end, registerId);
  const firstHour = Math.ceil(start / SUMMARY_BUCKET_MS) * SUMMARY_BUCKET_MS;
  const endHour = Math.floor(end / SUMMARY_BUCKET_MS) * SUMMARY_BUCKET_MS;
  if (firstHour >= endHour) return productSales(db, start, end);
  const hours = db.prepare<[Range], GroupRow>(SUMMARY_SALES_SQL).all({ start: firstHour, end: endHour });
  // rollUp merges groups of the same product or department, wherever they came from.
  return rollUp([
    ...lineGroups(db, { start, end: firstHour }),
    ...hours,
    ...db.prepare<[Range], GroupRow>(OPEN_PRICE_SALES_SQL).all({ start: firstHour, end: endHour }),
    ...lineGroups(db, { start: endHour, end }),
  ]);
}

function rollUp(groups: GroupRow[]): ProductSalesBreakdown {
  const totals = emptySums();
  const products = new Map<number | null, { row: GroupRow; sums: ProductSalesSums }>();
  const departments = new Map<string | null, ProductSalesSums>();
  for (const group of groups) {
    addSums(totals, group);
    let product = products.get(group.productId);
    if (!product) {
      product = { row: group, sums: emptySums() };
      products.set(group.productId, product);
    }
    addSums(product.sums, group);
    let department = departments.get(group.department);
    if (!department) {
      department = emptySums();
      departments.set(group.department, department);
    }
    addSums(department, group);
  }
  const byProduct: ProductSalesRow[] = [...products.values()]
    .map(({ row, sums }) => ({
      productId: row.productId,
      sku: row.sku ?? '',
      // Open-price items are one row of their own, whatever name each line was given.
      name: row.productId === null ? OPEN_PRICE_DEFAULT_NAME : (row.name ?? ''),
      department: row.currentDepartment,
      openPrice: row.productId === null,
      unit: (row.unit ?? 'pieza') as ProductUnit,
      ...figuresOf(sums),
    }))
    .sort((a, b) => byAmountDesc(a, b) || a.name.localeCompare(b.name, 'es-MX'));
  const byDepartment: DepartmentSalesRow[] = [...departments.entries()]
    .map(([department, sums]) => ({ department, ...figuresOf(sums) }))
    .sort(byAmountDesc);
  return { totals: figuresOf(totals), byProduct, byDepartment };
}
