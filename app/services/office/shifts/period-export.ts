/**
 * The period report's files. CSV: papaparse's unparse, UTF-8 with a BOM and CRLF as the Z report's
 * CSV (see report-csv.ts for why), with escapeFormulae against CSV injection (a product named
 * "=HYPERLINK(…)"). XLSX: exceljs, one sheet per breakdown, amounts as number cells in pesos with
 * a money format, so Excel sums them.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { PeriodReport } from '../../../domain/office/reports';
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import { departmentTable, moneyNumber, productTable, type Cell } from './product-sales-rows';
import type { ReportLabels } from './report-labels';
import { decimal, storeDateTime } from './report-rows';
import { returnsRows } from './returns-rows';
import { registerHeader, registerRows, scopeRow } from './register-rows';

/** What every export says about itself. */
export interface PeriodExportContext {
  storeName: string;
  generatedAt: number;
  labels: ReportLabels;
  timeZone: StoreTimeZone;
}

function heading(report: PeriodReport, c: PeriodExportContext): Cell[][] {
  const l = c.labels;
  return [
    [l.periodTitle],
    [l.store, c.storeName],
    [l.from, report.from],
    [l.to, report.to],
    scopeRow(report, l),
    [l.currency, 'MXN'],
    [l.generated, storeDateTime(c.generatedAt, c.timeZone)],
  ];
}

function moneyTotals(report: PeriodReport, l: ReportLabels): Cell[][] {
  const t = report.totals;
  return [
    [
      l.totals,
      l.count,
      `${l.sales} (MXN)`,
      `${l.tips} (MXN)`,
      `${l.iva} (MXN)`,
      l.refundCount,
      `${l.refunds} (MXN)`,
      `${l.net} (MXN)`,
    ],
    [
      '',
      t.count,
      decimal(t.sales),
      decimal(t.tips),
      decimal(t.iva),
      t.refundCount,
      decimal(t.refunds),
      decimal(t.net),
    ],
  ];
}

/** The period report as one CSV document, BOM first. */
export function periodCsv(report: PeriodReport, c: PeriodExportContext): string {
  const l = c.labels;
  const rows: Cell[][] = [
    ...heading(report, c),
    [],
    ...moneyTotals(report, l),
    [],
    [l.byRegister],
    registerHeader(l, false),
    ...registerRows(report.byRegister),
    [],
    [l.byProduct],
    ...productTable(report.products, l),
    [],
    [l.byDepartment],
    ...departmentTable(report.products, l),
    [],
    [l.productNote],
    [],
    ...returnsRows(report.returns, l),
  ];
  return '\uFEFF' + Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true }) + '\r\n';
}

const MONEY_FORMAT = '#,##0.00';

/** Adds a table to a sheet, header bold, money columns formatted. */
function addTable(sheet: ExcelJS.Worksheet, rows: Cell[][], moneyFrom: number, moneyTo: number): void {
  rows.forEach((cells, i) => {
    const row = sheet.addRow(cells);
    if (i === 0) row.font = { bold: true };
    for (let col = moneyFrom; col <= moneyTo; col++) row.getCell(col).numFmt = MONEY_FORMAT;
  });
}

/** The period report as an .xlsx workbook. */
export async function periodXlsx(report: PeriodReport, c: PeriodExportContext): Promise<Uint8Array> {
  const l = c.labels;
  const book = new ExcelJS.Workbook();
  book.creator = 'Caja';
  book.created = new Date(c.generatedAt);
  const summary = book.addWorksheet(l.totals);
  heading(report, c).forEach((cells) => summary.addRow(cells));
  summary.addRow([]);
  const t = report.totals;
  const money = (n: number) => n / 100;
  addTable(
    summary,
    [
      moneyTotals(report, l)[0] ?? [],
      [
        '',
        t.count,
        money(t.sales),
        money(t.tips),
        money(t.iva),
        t.refundCount,
        money(t.refunds),
        money(t.net),
      ],
    ],
    3,
    8,
  );
  summary.addRow([]);
  summary.addRow([l.byRegister]);
  const registerCells = registerRows(report.byRegister).map((cells) =>
    cells.map((cell, i) => (i === 0 ? cell : Number(cell))),
  );
  // Columns: register, count, then money (card, cash, tips), refunds count, money (refunds, net).
  addTable(summary, [registerHeader(l, false), ...registerCells], 3, 8);
  summary.addRow([]);
  summary.addRow([l.productNote]);
  // Columns: code, product, department, units, then money (amount, IVA, net, cost, margin).
  addTable(book.addWorksheet(l.byProduct.slice(0, 31)), productTable(report.products, l, moneyNumber), 5, 9);
  addTable(
    book.addWorksheet(l.byDepartment.slice(0, 31)),
    departmentTable(report.products, l, moneyNumber),
    3,
    7,
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}
