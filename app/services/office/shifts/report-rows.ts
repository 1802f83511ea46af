/**
 * The Z report flattened into rows of text, shared by the CSV and the PDF so both say the same
 * thing. Amounts are plain decimals with a point ("1234.50"); the currency is in the header (MXN).
 */
import { centavosToDecimalString, type Centavos } from '../../../domain/money';
import type { BreakdownRow, DailyReport, ReportTotals } from '../../../domain/office/reports';
import type { ShiftView } from '../../../domain/office/shifts';
import { localParts } from '../../../domain/office/store-day';
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import type { ReportLabels } from './report-labels';

/** Signed centavos as a plain decimal ("-12.50"). */
export function decimal(amount: Centavos): string {
  return amount < 0 ? `-${centavosToDecimalString(-amount)}` : centavosToDecimalString(amount);
}

/** An instant as YYYY-MM-DD HH:mm in the store's time zone. */
export function storeDateTime(at: number, zone: StoreTimeZone): string {
  const p = localParts(at, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The breakdown table's header (money columns say MXN). */
export function breakdownHeader(l: ReportLabels): string[] {
  return [
    l.section,
    l.key,
    l.count,
    `${l.sales} (MXN)`,
    `${l.tips} (MXN)`,
    `${l.iva} (MXN)`,
    l.refundCount,
    `${l.refunds} (MXN)`,
    `${l.net} (MXN)`,
  ];
}

function totalsCells(t: ReportTotals): string[] {
  return [
    String(t.count),
    decimal(t.sales),
    decimal(t.tips),
    decimal(t.iva),
    String(t.refundCount),
    decimal(t.refunds),
    decimal(t.net),
  ];
}

/** Every breakdown row of the report: totals first, then tender, brand, cashier and hour. */
export function breakdownRows(report: DailyReport, l: ReportLabels): string[][] {
  const section = <K>(name: string, rows: BreakdownRow<K>[], key: (row: BreakdownRow<K>) => string) =>
    rows.map((row) => [name, key(row), ...totalsCells(row)]);
  return [
    [l.totals, report.day, ...totalsCells(report.totals)],
    ...section(l.byTender, report.byTender, (r) => l.tender[r.key]),
    ...section(l.byBrand, report.byBrand, (r) => r.key ?? l.noBrand),
    ...section(l.byCashier, report.byCashier, (r) => r.label ?? l.nobody),
    ...section(l.byHour, report.byHour, (r) => `${String(r.key).padStart(2, '0')}:00`),
  ];
}

/** The shifts table's header. */
export function shiftHeader(l: ReportLabels): string[] {
  return [
    l.shift,
    l.register,
    l.openedBy,
    l.openedAt,
    l.closedAt,
    `${l.openingFloat} (MXN)`,
    `${l.cashSales} (MXN)`,
    `${l.cashIn} (MXN)`,
    `${l.cashOut} (MXN)`,
    `${l.cashRefunds} (MXN)`,
    `${l.expected} (MXN)`,
    `${l.counted} (MXN)`,
    `${l.difference} (MXN)`,
  ];
}

/** One row per shift of the day. */
export function shiftRows(shifts: ShiftView[], l: ReportLabels, zone: StoreTimeZone): string[][] {
  return shifts.map((s) => [
    String(s.id),
    s.registerName,
    s.openedBy?.name ?? '',
    storeDateTime(s.openedAt, zone),
    s.closedAt === null ? l.stillOpen : storeDateTime(s.closedAt, zone),
    decimal(s.openingFloat),
    decimal(s.cashSales),
    decimal(s.cashIn),
    decimal(s.cashOut),
    decimal(s.cashRefunds),
    decimal(s.expected),
    s.counted === null ? '' : decimal(s.counted),
    s.difference === null ? '' : decimal(s.difference),
  ]);
}
