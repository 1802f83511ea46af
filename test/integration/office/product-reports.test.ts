/**
 * Sales by product and department in the Z report and the period report, on the real core: sales
 * rung up at the counter (a discount, a 0 % line, a product without cost, a cost that changes
 * between two days), every figure below worked out by hand from the demo prices. The period's CSV
 * and XLSX are parsed back with papaparse and exceljs.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductSalesFigures } from '../../../app/domain/office/product-sales';
import type {
  DailyReport,
  ExportedBinary,
  ExportedText,
  PeriodReport,
} from '../../../app/domain/office/reports';
import { stockCore, STOCK_T0, type StockCore } from '../../support/office/stock-core';

const DAY_MS = 86_400_000;
let s: StockCore;

beforeAll(async () => {
  s = await stockCore({ startAt: STOCK_T0 }); // 2026-11-23 10:00 in Mexico City
  // BEB-001 Refresco de cola 600 ml, $20.00 at 16 %; BEB-004 Agua natural 600 ml, $11.00 at 16 %
  // (both Bebidas); LAC-001 Leche entera 1 L, $29.00 at 0 % (Lácteos), no cost known.
  s.setProduct('BEB-001', { track: true, cost: 1_150 });
  s.setProduct('BEB-004', { cost: 700 });
  await s.cashSale({ 'BEB-001': 3, 'LAC-001': 2 });
  s.tick();
  const cart = await s.call<{ lines: { id: number }[] }>('sales.cart.addProduct', {
    productId: s.productId('BEB-004'),
    quantity: 4,
  });
  const withDiscount = await s.call<{ totals: { total: number } }>('sales.cart.setDiscount', {
    lineId: cart.lines[0]!.id,
    discountBp: 1_000,
  });
  await s.call('payments.cash.pay', { tendered: withDiscount.totals.total });
  // Next day: a receipt at a new cost, then one more cola. The old sales keep the cost they copied.
  s.tick(DAY_MS);
  await s.call('office.stock.receive', {
    productId: s.productId('BEB-001'),
    quantity: 10_000,
    unitCost: 1_300,
  });
  await s.cashSale({ 'BEB-001': 1 });
});
afterAll(() => s.core.close());

const fig = (f: Partial<ProductSalesFigures> & Record<string, unknown>) => expect.objectContaining(f);

describe('sales by product and department', () => {
  it("the Z report's breakdowns, by hand", async () => {
    const z = await s.call<DailyReport>('office.reports.daily', { day: '2026-11-23' });
    // Cola: 3 × $20.00 = $60.00; IVA 6000 × 16/116 = 827.6 → $8.28; net $51.72; cost 3 × $11.50 = $34.50;
    // margin $17.22 = 33.29 % of net.
    // Agua: 4 × $11.00 = $44.00 − 10 % = $39.60; IVA 546.2 → $5.46; net $34.14; cost $28.00; margin $6.14.
    // Leche: 2 × $29.00 = $58.00 at 0 %; no cost, so no margin and 2 units without cost.
    expect(z.products.byProduct.map((r) => r.sku)).toEqual(['BEB-001', 'LAC-001', 'BEB-004']);
    expect(z.products.byProduct[0]).toEqual(
      fig({ units: 3, amount: 6_000, iva: 828, net: 5_172, cost: 3_450, margin: 1_722, marginBp: 3_329 }),
    );
    expect(z.products.byProduct[1]).toEqual(
      fig({
        units: 2,
        amount: 5_800,
        iva: 0,
        net: 5_800,
        cost: null,
        margin: null,
        marginBp: null,
        unknownCostUnits: 2,
      }),
    );
    expect(z.products.byProduct[2]).toEqual(
      fig({ units: 4, amount: 3_960, iva: 546, net: 3_414, cost: 2_800, margin: 614, unknownCostUnits: 0 }),
    );
    // Bebidas: $99.60, IVA $13.74, net $85.86, cost $62.50, margin $23.36 = 27.21 %.
    expect(z.products.byDepartment).toEqual([
      fig({
        department: 'Bebidas',
        units: 7,
        amount: 9_960,
        iva: 1_374,
        cost: 6_250,
        margin: 2_336,
        marginBp: 2_721,
      }),
      fig({ department: 'Lácteos', units: 2, amount: 5_800, cost: null, margin: null, unknownCostUnits: 2 }),
    ]);
    // Margin only over the lines with cost: 2336 / 8586.
    expect(z.products.totals).toEqual(
      fig({ units: 9, amount: 15_760, iva: 1_374, net: 14_386, cost: 6_250, margin: 2_336, marginBp: 2_721 }),
    );
    // The product amounts add up to the day's money.
    expect(z.totals.sales).toBe(15_760);
  });

  it('the period report covers both days, each sale at the cost it copied', async () => {
    const period = await s.call<PeriodReport>('office.reports.period', {
      from: '2026-11-23',
      to: '2026-11-24',
    });
    // Cola: 4 units, $80.00, IVA 8.28 + 2.76 = $11.04, cost 34.50 + 13.00 = $47.50, margin 51.72 + 17.24 − 47.50 = $21.46.
    expect(period.products.byProduct[0]).toEqual(
      fig({
        sku: 'BEB-001',
        units: 4,
        amount: 8_000,
        iva: 1_104,
        cost: 4_750,
        margin: 2_146,
        marginBp: 3_112,
      }),
    );
    // Totals: margin 23.36 + 4.24 = $27.60 over a costed net of 85.86 + 17.24 = $103.10 → 26.77 %.
    expect(period.products.totals).toEqual(
      fig({
        units: 10,
        amount: 17_760,
        iva: 1_650,
        cost: 7_550,
        margin: 2_760,
        marginBp: 2_677,
        unknownCostUnits: 2,
      }),
    );
    expect(period.totals).toMatchObject({ count: 3, sales: 17_760, refunds: 0 });
    const one = await s.call<PeriodReport>('office.reports.period', { from: '2026-11-24', to: '2026-11-24' });
    expect(one.products.byProduct).toEqual([fig({ sku: 'BEB-001', units: 1, cost: 1_300, margin: 424 })]);
    const backwards = await s.core.dispatch('office.reports.period', {
      from: '2026-11-24',
      to: '2026-11-23',
    });
    expect(backwards.ok ? null : backwards.error.code).toBe('validation_failed');
    const tooLong = await s.core.dispatch('office.reports.period', { from: '2025-01-01', to: '2026-11-24' });
    expect(tooLong.ok ? null : tooLong.error.code).toBe('validation_failed');
  });

  it('exports the period as CSV and XLSX that parse back to the same figures', async () => {
    const args = { from: '2026-11-23', to: '2026-11-24' };
    const csv = await s.call<ExportedText>('office.reports.exportPeriodCsv', args);
    expect(csv.fileName).toBe('ventas-2026-11-23-a-2026-11-24.csv');
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    expect(csv.content).toContain('\r\n');
    const rows = Papa.parse<string[]>(csv.content.slice(1), { skipEmptyLines: true }).data;
    const cola = rows.find((r) => r[0] === 'BEB-001');
    expect(cola).toEqual([
      'BEB-001',
      'Refresco de cola 600 ml',
      'Bebidas',
      '4',
      '80.00',
      '11.04',
      '68.96',
      '47.50',
      '21.46',
      '31.12',
      '0',
      '',
    ]);
    const milk = rows.find((r) => r[0] === 'LAC-001');
    expect(milk?.slice(7)).toEqual(['Sin costo', 'Sin costo', '', '2', '']);
    expect(rows.find((r) => r[0] === 'Lácteos')?.[1]).toBe('2');

    const xlsx = await s.call<ExportedBinary>('office.reports.exportPeriodXlsx', args);
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(xlsx.base64, 'base64');
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Ventas por producto')!;
    const values = sheet.getRow(2).values as unknown[];
    // exceljs rows are 1-based: values[0] is empty.
    expect(values.slice(1)).toEqual([
      'BEB-001',
      'Refresco de cola 600 ml',
      'Bebidas',
      4,
      80,
      11.04,
      68.96,
      47.5,
      21.46,
      '31.12',
      0,
      '',
    ]);
    const departments = book.getWorksheet('Ventas por departamento')!;
    expect(departments.getRow(2).getCell(1).value).toBe('Bebidas');
    expect(departments.getRow(2).getCell(3).value).toBe(119.6); // Bebidas: $99.60 on the 23rd + $20.00 on the 24th
  });

  it("the Z report's CSV carries the product and department tables", async () => {
    const csv = await s.call<ExportedText>('office.reports.exportCsv', { day: '2026-11-23' });
    const rows = Papa.parse<string[]>(csv.content.slice(1), { skipEmptyLines: true }).data;
    expect(rows.some((r) => r[0] === 'Ventas por producto')).toBe(true);
    expect(rows.find((r) => r[0] === 'BEB-004')?.slice(3, 9)).toEqual([
      '4',
      '39.60',
      '5.46',
      '34.14',
      '28.00',
      '6.14',
    ]);
  });
});
