/**
 * The Z and monthly reports checked against an independent computation over seeded data: the test
 * finds each payment's Mexico City day and hour with its own Intl formatters and sums in plain
 * JavaScript, while the report does it in grouped SQL over index ranges.
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownRow, ReportTotals } from '../../../app/domain/office/reports';
import { createCore, databaseFileIn } from '../../../app/host/create-core';
import { openDatabase } from '../../../app/infra/db/open-database';
import { dailyReport } from '../../../app/infra/db/office/reports/daily-report';
import { monthlyReport } from '../../../app/infra/db/office/reports/monthly-report';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';
import {
  seedZReportHistory,
  SEED_DAY,
  type SeededHistory,
  type SeededPayment,
} from '../../support/office/z-report-seed';

const zone = 'America/Mexico_City';
const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const hourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
const dayOf = (at: number) => dayFormat.format(at);
const hourOf = (at: number) => Number(hourFormat.format(at));
const TOOK_MONEY = ['approved', 'refund_requested', 'refunded'];

type Totals = Omit<ReportTotals, never>;
const zero = (): Totals => ({ count: 0, sales: 0, tips: 0, iva: 0, refundCount: 0, refunds: 0, net: 0 });
/** IVA share of one payment: the sale's IVA times its share of the total, rounded half up. */
const ivaOf = (p: SeededPayment) => (p.saleIva === 0 ? 0 : Math.round((p.saleIva * p.amount) / p.saleTotal));

/** Sums the seeded payments of `inPeriod` days by `key`, the way a person would with a spreadsheet. */
function expected(
  payments: SeededPayment[],
  inPeriod: (day: string) => boolean,
  key: (p: SeededPayment, at: number) => string | null,
): Map<string, Totals> {
  const groups = new Map<string, Totals>();
  const group = (k: string) => groups.get(k) ?? groups.set(k, zero()).get(k)!;
  for (const p of payments) {
    if (TOOK_MONEY.includes(p.status) && inPeriod(dayOf(p.createdAt))) {
      const k = key(p, p.createdAt);
      if (k !== null) {
        const g = group(k);
        g.count += 1;
        g.sales += p.amount;
        g.tips += p.tip;
        g.iva += ivaOf(p);
      }
    }
    if (p.refundedAt !== null && inPeriod(dayOf(p.refundedAt))) {
      const k = key(p, p.refundedAt);
      if (k !== null) {
        const g = group(k);
        g.refundCount += 1;
        g.refunds += p.amount;
      }
    }
  }
  for (const g of groups.values()) g.net = g.sales - g.refunds;
  return groups;
}

/** A report breakdown as a map keyed like `expected`. */
function actual<K>(rows: BreakdownRow<K>[]): Map<string, Totals> {
  return new Map(rows.map(({ key, label: _label, ...totals }) => [String(key), totals]));
}

let db: Database;
let seeded: SeededHistory;

beforeAll(() => {
  const dataDir = freshDataDir();
  // The core migrates and seeds the demo store (users 1 and 2); then the history goes in directly.
  createCore({ dataDir, shell: 'web', logger: recordingLogger().logger }).close();
  db = openDatabase(databaseFileIn(dataDir));
  seeded = seedZReportHistory(db);
});
afterAll(() => db.close());

describe('the Z report', () => {
  it('matches an independent computation by tender, brand, cashier and hour', () => {
    const report = dailyReport(db, SEED_DAY, 'America/Mexico_City');
    const today = (day: string) => day === SEED_DAY;
    const all = expected(seeded.payments, today, () => 'all').get('all')!;
    // The seed must exercise the report: sales, tips, IVA and refunds all present.
    expect(all.count).toBeGreaterThan(20);
    expect(all.refundCount).toBeGreaterThan(0);
    expect(all.tips).toBeGreaterThan(0);
    expect(report.totals).toEqual(all);
    expect(actual(report.byTender)).toEqual(expected(seeded.payments, today, (p) => p.method));
    expect(actual(report.byBrand)).toEqual(
      expected(seeded.payments, today, (p) => (p.method === 'card' ? String(p.brand) : null)),
    );
    expect(actual(report.byCashier)).toEqual(expected(seeded.payments, today, (p) => String(p.cashier)));
    expect(actual(report.byHour)).toEqual(expected(seeded.payments, today, (_p, at) => String(hourOf(at))));
    expect(report.byCashier.find((r) => r.key === seeded.accentedCashier.id)?.label).toBe('Begoña Íñiguez');
  });

  it('reports the day’s shifts and the cash taken outside any shift', () => {
    const report = dailyReport(db, SEED_DAY, 'America/Mexico_City');
    const [shift] = seeded.shifts;
    const outside = seeded.payments.filter(
      (p) =>
        p.method === 'cash' &&
        TOOK_MONEY.includes(p.status) &&
        dayOf(p.createdAt) === SEED_DAY &&
        !(p.createdAt >= shift!.openedAt && p.createdAt < shift!.closedAt),
    );
    expect(outside.length).toBeGreaterThan(0);
    expect(report.cashOutsideShifts).toMatchObject({
      count: outside.length,
      amount: outside.reduce((sum, p) => sum + p.amount, 0),
    });
    // Listed one by one, latest first.
    const latestFirst = [...outside].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    expect(report.cashOutsideShifts.payments.map((p) => [p.paymentId, p.amount, p.at])).toEqual(
      latestFirst.slice(0, 50).map((p) => [p.id, p.amount, p.createdAt]),
    );
    expect(report.shifts.map((s) => [s.openedAt, s.closedAt])).toEqual([[shift!.openedAt, shift!.closedAt]]);
  });

  it('gives the month per day and with the same breakdowns', () => {
    const report = monthlyReport(db, '2026-11', 'America/Mexico_City');
    const november = (day: string) => day.startsWith('2026-11');
    expect(report.totals).toEqual(expected(seeded.payments, november, () => 'all').get('all'));
    const perDay = expected(seeded.payments, november, (_p, at) => dayOf(at));
    expect(perDay.size).toBeGreaterThanOrEqual(3);
    expect(actual(report.byDay)).toEqual(perDay);
    expect(actual(report.byTender)).toEqual(expected(seeded.payments, november, (p) => p.method));
    expect(actual(report.byHour)).toEqual(
      expected(seeded.payments, november, (_p, at) => String(hourOf(at))),
    );
    // A month with no activity is empty, not an error.
    expect(monthlyReport(db, '2026-02', 'America/Mexico_City').totals.count).toBe(0);
  });
});
