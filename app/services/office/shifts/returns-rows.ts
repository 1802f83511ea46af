/**
 * The returns by item of a report (issue 14) as table rows for the CSV exports: the total with its
 * cash and card parts, then one row per product. Quantities in the product's unit (thousandths / 1000).
 */
import { MILLI_PER_UNIT, type ReturnsSummary } from '../../../domain/office/returns';
import type { ReportLabels } from './report-labels';
import { decimal } from './report-rows';

/** The rows of the returns section, title first. */
export function returnsRows(returns: ReturnsSummary, l: ReportLabels): string[][] {
  return [
    [l.returnsTitle],
    [l.returnsCount, l.amount, l.returnsCash, l.returnsCard],
    [String(returns.count), decimal(returns.amount), decimal(returns.cash), decimal(returns.card)],
    [l.sku, l.product, l.quantity, l.amount],
    ...returns.byProduct.map((r) => [r.sku, r.name, String(r.quantity / MILLI_PER_UNIT), decimal(r.amount)]),
  ];
}
