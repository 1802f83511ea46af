/**
 * The hourly product sales summary (migration 013) against the sale lines it sums, on the real core
 * of a Tijuana store: sales either side of the store-day boundaries around the US daylight-saving
 * start (2026-03-08, a 23-hour store day), a discount, a 0 % line, lines with and without cost. The
 * period report (read from the summary) must equal the line-based computation for every day and
 * for the whole period; the migration's backfill must rebuild the same rows the completions wrote;
 * a completion that rolls back writes no summary row. See [Note: product sales by hour].
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../../app/domain/office/reports';
import { dayRange } from '../../../app/domain/office/store-day';
import { migration013 } from '../../../app/infra/db/migrations/013-product-sales-summary';
import { productSales } from '../../../app/infra/db/office/reports/product-sales';
import { stockCore, type StockCore } from '../../support/office/stock-core';

const TIJUANA = 'America/Tijuana';
const HOUR = 3_600_000;
const MINUTE = 60_000;
// Tijuana is UTC−8 until 2026-03-08 02:00 local (10:00 UTC), UTC−7 after.
const utc = (day: number, hour: number, minute = 0) => Date.UTC(2026, 2, day, hour, minute);
const SALE_TIMES = [
  utc(8, 7, 30), // 03-07 23:30 PST: the day before
  utc(8, 8, 10), // 03-08 00:10 PST: first hour of the DST day
  utc(8, 9, 59), // 01:59 PST, the last minute before the jump
  utc(8, 10, 1), // 03:01 PDT
  utc(9, 6, 50), // 03-08 23:50 PDT: the DST day's last hour
  utc(9, 7, 5), // 03-09 00:05 PDT: the next day
];

let s: StockCore;

const summaryRows = () =>
  s.db.prepare(`SELECT * FROM product_sales_by_hour ORDER BY hour_start, product_id, department`).all();

beforeAll(async () => {
  s = await stockCore({ startAt: utc(7, 20) });
  await s.call('office.settings.timeZone.set', { timeZone: TIJUANA });
  s.setProduct('BEB-001', { track: true, cost: 1_150 });
  s.setProduct('BEB-004', { cost: 700 });
  for (const [i, at] of SALE_TIMES.entries()) {
    s.clock.at = at;
    if (i % 2 === 0) {
      await s.cashSale({ 'BEB-001': 1 + i, 'LAC-001': 2 });
    } else {
      const cart = await s.call<{ lines: { id: number }[] }>('sales.cart.addProduct', {
        productId: s.productId('BEB-004'),
        quantity: 3,
      });
      await s.call('sales.cart.addProduct', { productId: s.productId('BEB-001'), quantity: 1 });
      const priced = await s.call<{ totals: { total: number } }>('sales.cart.setDiscount', {
        lineId: cart.lines[0]!.id,
        discountBp: 1_250,
      });
      await s.call('payments.cash.pay', { tendered: priced.totals.total });
    }
    s.clock.at += MINUTE;
  }
});
afterAll(() => s.core.close());

const period = (from: string, to: string) => s.call<PeriodReport>('office.reports.period', { from, to });
const fromLines = (from: string, to: string) =>
  productSales(s.db, dayRange(from, TIJUANA).start, dayRange(to, TIJUANA).end);

describe('product sales summary', () => {
  it('the period report from the summary equals the lines, day by day across the DST start', async () => {
    expect(dayRange('2026-03-08', TIJUANA).end - dayRange('2026-03-08', TIJUANA).start).toBe(23 * HOUR);
    const unitsPerDay: Record<string, number> = {};
    for (const day of ['2026-03-07', '2026-03-08', '2026-03-09']) {
      const report = await period(day, day);
      expect(report.products).toEqual(fromLines(day, day));
      unitsPerDay[day] = report.products.totals.units;
    }
    // 03-07: sale 0 (1 cola + 2 milk); 03-08: sales 1–4; 03-09: sale 5 (3 water + 1 cola).
    expect(unitsPerDay).toEqual({ '2026-03-07': 3, '2026-03-08': 4 + 5 + 4 + 7, '2026-03-09': 4 });
    const whole = await period('2026-03-07', '2026-03-09');
    expect(whole.products).toEqual(fromLines('2026-03-07', '2026-03-09'));
    expect(whole.products.totals.amount).toBe(whole.totals.sales);
    expect(whole.products.byDepartment.map((d) => d.department).sort()).toEqual(['Bebidas', 'Lácteos']);
  });

  it('one row per product and department per UTC hour, on whole hours', () => {
    const rows = summaryRows() as { hour_start: number; units: number }[];
    expect(rows.every((r) => r.hour_start % HOUR === 0)).toBe(true);
    // Six sales in six different hours, two products each.
    expect(new Set(rows.map((r) => r.hour_start)).size).toBe(SALE_TIMES.length);
    expect(rows).toHaveLength(2 * SALE_TIMES.length);
  });

  it("the migration's backfill rebuilds the rows the completions wrote", () => {
    const written = summaryRows();
    s.db.transaction(() => {
      s.db.exec(`DROP TABLE product_sales_by_hour`);
      migration013.up(s.db);
    })();
    expect(summaryRows()).toEqual(written);
  });

  it('a completion that rolls back writes no summary row', async () => {
    const before = summaryRows();
    s.clock.at = utc(9, 18);
    // The stock movement is written in the completion's transaction: make it fail.
    s.db.exec(`CREATE TRIGGER test_stock_fails BEFORE INSERT ON stock_movements
               BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      await expect(s.cashSale({ 'BEB-001': 2 })).rejects.toThrow();
    } finally {
      s.db.exec(`DROP TRIGGER test_stock_fails`);
    }
    expect(summaryRows()).toEqual(before);
    const open = s.db.prepare(`SELECT COUNT(*) FROM sales WHERE status = 'open'`).pluck().get();
    expect(open).toBe(1);
    expect((await period('2026-03-09', '2026-03-09')).products).toEqual(
      fromLines('2026-03-09', '2026-03-09'),
    );
  });
});
