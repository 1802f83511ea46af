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

/**
 * Sales by product and department over completed sales whose completion falls in [start, end): one
 * range scan of the sales_completed index (migration 012), grouped by (product, copied department) —
 * at most a few thousand groups — and rolled up here into both breakdowns.
 *
 * Each line is priced as app/domain/cart-pricing.ts prices it, in integers: the discount is the
 * line's list amount × bp rounded half up, IVA is divideRoundHalfUp(gross × rate, 10000 + rate), so
 * the amounts here add up to the sales' stored totals to the centavo. See [Note: IVA per line] and,
 * for weighed and label-priced lines, [Note: weighed line money].
 */
const PRODUCT_SALES_SQL = `
WITH listed AS (
  SELECT l.product_id, l.department, l.discount_bp, l.unit_cost_centavos AS unit_cost, l.iva_rate_bp AS rate,
         CASE WHEN l.quantity_milli IS NULL THEN l.quantity ELSE 0 END AS units,
         COALESCE(l.quantity_milli, 0) AS milli,
         -- Reports weigh in kilograms: a product priced per gram is in millionths of a kg.
         CASE WHEN l.unit = 'g' THEN COALESCE(l.quantity_milli, 0) / 1000 ELSE COALESCE(l.quantity_milli, 0) END AS kg_milli,
         CASE WHEN l.label_amount_centavos IS NOT NULL THEN l.label_amount_centavos
              WHEN l.quantity_milli IS NOT NULL THEN (l.unit_price_centavos * l.quantity_milli + 500) / 1000
              ELSE l.unit_price_centavos * l.quantity END AS list
    FROM sales s JOIN sale_lines l ON l.sale_id = s.id
   WHERE s.status = 'completed' AND s.completed_at >= @start AND s.completed_at < @end),
priced AS (
  SELECT product_id, department, units, milli, kg_milli, unit_cost, rate,
         list - (list * discount_bp + 5000) / 10000 AS gross,
         -- A weighed line's cost is per unit × thousandths, half up to the centavo like its price.
         CASE WHEN milli > 0 THEN (unit_cost * milli + 500) / 1000 ELSE unit_cost * units END AS line_cost
    FROM listed),
taxed AS (
  SELECT product_id, department, units, kg_milli, unit_cost, line_cost, gross,
         CASE WHEN rate = 0 THEN 0 ELSE (2 * gross * rate + 10000 + rate) / (2 * (10000 + rate)) END AS iva
    FROM priced)
SELECT t.product_id AS productId, t.department AS department, p.sku AS sku, p.name AS name,
       p.category AS currentDepartment, p.unit AS unit,
       SUM(t.units) AS units, SUM(t.kg_milli) AS weighedMilli, SUM(t.gross) AS amount, SUM(t.iva) AS iva,
       COALESCE(SUM(CASE WHEN t.unit_cost IS NOT NULL THEN t.gross - t.iva END), 0) AS costedNet,
       SUM(t.line_cost) AS cost,
       COALESCE(SUM(CASE WHEN t.unit_cost IS NULL THEN t.units END), 0) AS unknownCostUnits
  FROM taxed t LEFT JOIN products p ON p.id = t.product_id
 GROUP BY t.product_id, t.department`;

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

/** Both breakdowns of the completed sales in [start, end). */
export function productSales(db: Database, start: number, end: number): ProductSalesBreakdown {
  const groups = db
    .prepare<[{ start: number; end: number }], GroupRow>(PRODUCT_SALES_SQL)
    .all({ start, end });
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
