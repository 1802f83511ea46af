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
import { LINE_SUMS_SQL, lineFiguresSql, SUMMARY_BUCKET_MS } from './product-sales-summary';

/**
 * Sales by product and department over completed sales whose completion falls in [start, end), two
 * ways that give the same figures: from the sale lines (one range scan of the sales_completed index,
 * migration 012; the Z report's shift and day) and from the hourly summary (migration 013; the
 * period report). Both group by (product, copied department) — at most a few thousand groups per
 * hour range — and are rolled up here into both breakdowns. See [Note: product sales by hour].
 */
const PRODUCT_SALES_SQL = `${lineFiguresSql("s.status = 'completed' AND s.completed_at >= @start AND s.completed_at < @end")}
SELECT t.product_id AS productId, t.department AS department, p.sku AS sku, p.name AS name,
       p.category AS currentDepartment, ${LINE_SUMS_SQL}
  FROM taxed t LEFT JOIN products p ON p.id = t.product_id
 GROUP BY t.product_id, t.department`;

/** The summary's buckets in [start, end) (both whole hours), grouped as PRODUCT_SALES_SQL groups. */
const SUMMARY_SALES_SQL = `
WITH g AS (
  SELECT product_id, department, SUM(units) AS units, SUM(amount_centavos) AS amount,
         SUM(iva_centavos) AS iva, SUM(costed_net_centavos) AS costedNet, SUM(cost_centavos) AS cost,
         SUM(unknown_cost_units) AS unknownCostUnits
    FROM product_sales_by_hour WHERE hour_start >= @start AND hour_start < @end
   GROUP BY product_id, department)
SELECT g.product_id AS productId, nullif(g.department, '') AS department, p.sku AS sku, p.name AS name,
       p.category AS currentDepartment, g.units, g.amount, g.iva, g.costedNet, g.cost, g.unknownCostUnits
  FROM g LEFT JOIN products p ON p.id = g.product_id`;

interface GroupRow extends ProductSalesSums {
  productId: number;
  department: string | null;
  sku: string | null;
  name: string | null;
  currentDepartment: string | null;
}

const byAmountDesc = (a: { amount: number; units: number }, b: { amount: number; units: number }) =>
  b.amount - a.amount || b.units - a.units;

type Range = { start: number; end: number };

const lineGroups = (db: Database, range: Range): GroupRow[] =>
  range.start < range.end ? db.prepare<[Range], GroupRow>(PRODUCT_SALES_SQL).all(range) : [];

/** Both breakdowns of the completed sales in [start, end), priced from their lines. */
export function productSales(db: Database, start: number, end: number): ProductSalesBreakdown {
  return rollUp(lineGroups(db, { start, end }));
}

/**
 * Both breakdowns of the completed sales in [start, end), from the hourly summary; the partial
 * hours at either end, if any, from the lines (none for store days: see [Note: product sales by hour]).
 */
export function productSalesFromSummary(db: Database, start: number, end: number): ProductSalesBreakdown {
  const firstHour = Math.ceil(start / SUMMARY_BUCKET_MS) * SUMMARY_BUCKET_MS;
  const endHour = Math.floor(end / SUMMARY_BUCKET_MS) * SUMMARY_BUCKET_MS;
  if (firstHour >= endHour) return productSales(db, start, end);
  const hours = db.prepare<[Range], GroupRow>(SUMMARY_SALES_SQL).all({ start: firstHour, end: endHour });
  // rollUp merges groups of the same product or department, wherever they came from.
  return rollUp([
    ...lineGroups(db, { start, end: firstHour }),
    ...hours,
    ...lineGroups(db, { start: endHour, end }),
  ]);
}

function rollUp(groups: GroupRow[]): ProductSalesBreakdown {
  const totals = emptySums();
  const products = new Map<number, { row: GroupRow; sums: ProductSalesSums }>();
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
      name: row.name ?? '',
      department: row.currentDepartment,
      ...figuresOf(sums),
    }))
    .sort((a, b) => byAmountDesc(a, b) || a.name.localeCompare(b.name, 'es-MX'));
  const byDepartment: DepartmentSalesRow[] = [...departments.entries()]
    .map(([department, sums]) => ({ department, ...figuresOf(sums) }))
    .sort(byAmountDesc);
  return { totals: figuresOf(totals), byProduct, byDepartment };
}
