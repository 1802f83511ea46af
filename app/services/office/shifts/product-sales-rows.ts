/**
 * Sales by product and department as rows of cells, shared by the Z report's CSV and the period
 * report's CSV and XLSX so every export says the same thing. Amounts are decimals with a point and
 * MXN in the header; a figure that cannot be known (cost of lines sold without one) is the label
 * "Sin costo", never 0.
 */
import type { ProductSalesBreakdown, ProductSalesFigures } from '../../../domain/office/product-sales';
import type { ReportLabels } from './report-labels';
import { decimal } from './report-rows';
import { formatQuantity } from '../../../domain/products/amounts';

/** A cell: text, or a number (centavos already turned into pesos for the XLSX). */
export type Cell = string | number;

/** The figures' header cells. */
function figuresHeader(l: ReportLabels): string[] {
  return [
    l.units,
    `${l.amount} (MXN)`,
    `${l.iva} (MXN)`,
    `${l.netSales} (MXN)`,
    `${l.cost} (MXN)`,
    `${l.margin} (MXN)`,
    l.marginPct,
    l.unknownCostUnits,
    // Last, so every column before it reads as it did before sale by weight (issue 14).
    l.weighedKg,
  ];
}

/** One group's figures; `money` formats centavos (text for CSV, a number for XLSX). */
function figuresCells(f: ProductSalesFigures, l: ReportLabels, money: (c: number) => Cell): Cell[] {
  return [
    f.units,
    money(f.amount),
    money(f.iva),
    money(f.net),
    f.cost === null ? l.unknownCost : money(f.cost),
    f.margin === null ? l.unknownCost : money(f.margin),
    f.marginBp === null ? '' : (f.marginBp / 100).toFixed(2),
    f.unknownCostUnits,
    f.weighedMilli === 0 ? '' : formatQuantity(f.weighedMilli),
  ];
}

/** Centavos as CSV text ("1234.50"). */
export const moneyText = (c: number): Cell => decimal(c);
/** Centavos as pesos for a spreadsheet number cell. */
export const moneyNumber = (c: number): Cell => c / 100;

/** The by-product table: header, then one row per product, then the totals. */
export function productTable(
  p: ProductSalesBreakdown,
  l: ReportLabels,
  money: (c: number) => Cell = moneyText,
): Cell[][] {
  return [
    [l.sku, l.product, l.department, ...figuresHeader(l)],
    ...p.byProduct.map((r) => [
      r.sku,
      r.openPrice ? l.openPriceItem : r.name,
      r.department ?? l.noDepartment,
      ...figuresCells(r, l, money),
    ]),
    ['', l.totals, '', ...figuresCells(p.totals, l, money)],
  ];
}

/** The by-department table: header, one row per department, then the totals. */
export function departmentTable(
  p: ProductSalesBreakdown,
  l: ReportLabels,
  money: (c: number) => Cell = moneyText,
): Cell[][] {
  return [
    [l.department, ...figuresHeader(l)],
    ...p.byDepartment.map((r) => [r.department ?? l.noDepartment, ...figuresCells(r, l, money)]),
    [l.totals, ...figuresCells(p.totals, l, money)],
  ];
}
