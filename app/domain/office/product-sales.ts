/**
 * Sales by product and by department (issue 13, item 5), for the Z report and the period report.
 * Counted over completed sales by completion time, from what each sale line copied when it was
 * added: price, IVA rate, discount, cost and department (so editing the catalog never rewrites an
 * old report). Pure types and the rounding shared with the SQL.
 *
 * [Note: margin over known cost]
 * Margin is net sales (amount − IVA) minus cost, over the lines whose cost was known when they were
 * sold only; units sold without a cost are counted apart (`unknownCostUnits`) and never treated as
 * free. Cost is taken as the catalog holds it, the supplier's price per unit before IVA (IVA paid on
 * purchases is creditable, so it is not the store's cost).
 */
import type { Centavos } from '../money';
import type { Milli, ProductUnit } from '../products/product-record';

/** Figures of one group of sale lines. */
export interface ProductSalesFigures {
  /** Units sold (pieces; a line's quantity). Lines sold by weight count in `weighedMilli` instead. */
  units: number;
  /** Sold by weight, in thousandths of a kilogram (2.345 kg = 2345); 0 when nothing was weighed. */
  weighedMilli: Milli;
  /** What customers paid, IVA included, after line discounts. */
  amount: Centavos;
  /** IVA contained in `amount` (per line, as the sale's own IVA). */
  iva: Centavos;
  /** amount − iva. */
  net: Centavos;
  /** Σ cost × quantity over the lines with a known cost; null when no line had one. */
  cost: Centavos | null;
  /** Net of the lines with a known cost, minus their cost; null when no line had one. */
  margin: Centavos | null;
  /** margin ÷ net of the costed lines, in basis points (2500 = 25 %); null when undefined. */
  marginBp: number | null;
  /** Units sold on lines without a known cost (margin excludes them). */
  unknownCostUnits: number;
}

/** One product's sales. Name and SKU are the product's current ones. */
export interface ProductSalesRow extends ProductSalesFigures {
  /** Null for the one row of open-price items ("Artículo común"), which have no product. */
  productId: number | null;
  /** True on that row. */
  openPrice: boolean;
  /** The product's unit ('pieza' on the open-price row). */
  unit: ProductUnit;
  sku: string;
  name: string;
  /** The product's department today (lines sold under another one count there in byDepartment). */
  department: string | null;
}

/** One department's sales; null for lines sold before departments were copied to sale lines. */
export interface DepartmentSalesRow extends ProductSalesFigures {
  department: string | null;
}

/** Both breakdowns and their totals, largest amount first. */
export interface ProductSalesBreakdown {
  totals: ProductSalesFigures;
  byProduct: ProductSalesRow[];
  byDepartment: DepartmentSalesRow[];
}

/** Figures before margins: what the SQL sums. */
export interface ProductSalesSums {
  units: number;
  weighedMilli: Milli;
  amount: Centavos;
  iva: Centavos;
  costedNet: Centavos;
  cost: Centavos | null;
  unknownCostUnits: number;
}

/** Zero sums. */
export function emptySums(): ProductSalesSums {
  return { units: 0, weighedMilli: 0, amount: 0, iva: 0, costedNet: 0, cost: null, unknownCostUnits: 0 };
}

/** Adds `b` into `a`. */
export function addSums(a: ProductSalesSums, b: ProductSalesSums): void {
  a.units += b.units;
  a.weighedMilli += b.weighedMilli;
  a.amount += b.amount;
  a.iva += b.iva;
  a.costedNet += b.costedNet;
  a.unknownCostUnits += b.unknownCostUnits;
  if (b.cost !== null) a.cost = (a.cost ?? 0) + b.cost;
}

/** The shown figures of summed lines. See [Note: margin over known cost]. */
export function figuresOf(s: ProductSalesSums): ProductSalesFigures {
  const margin = s.cost === null ? null : s.costedNet - s.cost;
  return {
    units: s.units,
    weighedMilli: s.weighedMilli,
    amount: s.amount,
    iva: s.iva,
    net: s.amount - s.iva,
    cost: s.cost,
    margin,
    marginBp: margin === null || s.costedNet <= 0 ? null : Math.round((margin * 10_000) / s.costedNet),
    unknownCostUnits: s.unknownCostUnits,
  };
}
