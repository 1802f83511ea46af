/**
 * The Z report as a CSV Excel opens correctly in Mexico: UTF-8 with a BOM (without it Excel reads
 * «Día» as «DÃ­a»), CRLF line ends, RFC 4180 quoting, comma separators (the es-MX list separator),
 * amounts as plain decimals with a point and MXN in the headers, times in the store's zone.
 */
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import type { DailyReport } from '../../../domain/office/reports';
import {
  decimal,
  breakdownHeader,
  breakdownRows,
  shiftHeader,
  shiftRows,
  storeDateTime,
} from './report-rows';
import type { ReportLabels } from './report-labels';
import { departmentTable, productTable } from './product-sales-rows';
import { returnsRows } from './returns-rows';
import { registerHeader, registerRows, scopeRow } from './register-rows';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote, a line break or edge spaces. Text that
 * Excel would run as a formula (=, +, -, @ first, e.g. a user named "=HYPERLINK(…)") gets a leading
 * apostrophe (OWASP's CSV-injection advice); plain numbers such as "-12.50" stay numbers.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows to CSV text (no BOM). */
export function csvLines(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join(CRLF) + CRLF;
}

/** The whole Z report as one CSV document, BOM first. */
export function reportCsv(
  report: DailyReport,
  context: { storeName: string; generatedAt: number; labels: ReportLabels; timeZone: StoreTimeZone },
): string {
  const l = context.labels;
  const rows: string[][] = [
    [l.title, report.day],
    [l.store, context.storeName],
    scopeRow(report, l),
    [l.currency, 'MXN'],
    [l.generated, storeDateTime(context.generatedAt, context.timeZone)],
    [],
    breakdownHeader(l),
    ...breakdownRows(report, l),
    [],
    [l.byRegister],
    registerHeader(l, true),
    ...registerRows(report.byRegister),
    [],
    [l.shifts],
    shiftHeader(l),
    ...shiftRows(report.shifts, l, context.timeZone),
    [],
    [l.outsideShifts, String(report.cashOutsideShifts.count), decimal(report.cashOutsideShifts.amount)],
    [],
    [l.byProduct],
    ...productTable(report.products, l).map((row) => row.map(String)),
    [],
    [l.byDepartment],
    ...departmentTable(report.products, l).map((row) => row.map(String)),
    [],
    [l.productNote],
    [],
    ...returnsRows(report.returns, l),
  ];
  return BOM + csvLines(rows);
}
