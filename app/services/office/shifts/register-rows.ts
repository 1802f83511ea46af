/**
 * A report's per-register table (issue 17) as rows of text for the Z report's CSV and PDF and the
 * period report's files: per register its sales count, card and cash sales, tips, refunds and
 * returns, net and, on the Z report, its drawers' shifts and expected cash.
 */
import type { RegisterBreakdownRow, RegisterZRow } from '../../../domain/office/reports';
import type { ReportLabels } from './report-labels';
import { decimal } from './report-rows';

/** The table's header; `withDrawers` adds the Z report's shift columns. */
export function registerHeader(l: ReportLabels, withDrawers: boolean): string[] {
  const header = [
    l.register,
    l.count,
    `${l.cardSales} (MXN)`,
    `${l.cashSales} (MXN)`,
    `${l.tips} (MXN)`,
    l.refundCount,
    `${l.refunds} (MXN)`,
    `${l.net} (MXN)`,
  ];
  return withDrawers ? [...header, l.shiftCount, `${l.expectedCash} (MXN)`] : header;
}

/** One row per register, in the report's order (by id). */
export function registerRows(rows: readonly (RegisterBreakdownRow | RegisterZRow)[]): string[][] {
  return rows.map((r) => {
    const cells = [
      r.label ?? String(r.key),
      String(r.count),
      decimal(r.cardSales),
      decimal(r.cashSales),
      decimal(r.tips),
      String(r.refundCount),
      decimal(r.refunds),
      decimal(r.net),
    ];
    if (!('shiftCount' in r)) return cells;
    return [...cells, String(r.shiftCount), r.expectedCash === null ? '' : decimal(r.expectedCash)];
  });
}

/** The line that says what a report covers: one register, or the whole store. */
export function scopeRow(report: { registerName: string | null }, l: ReportLabels): string[] {
  return [l.register, report.registerName ?? l.wholeStore];
}
