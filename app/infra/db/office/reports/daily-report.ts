import type { Database } from 'better-sqlite3';
import {
  CASH_OUTSIDE_LISTED,
  type CashOutsidePayment,
  type DailyReport,
} from '../../../../domain/office/reports';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { dayRange } from '../../../../domain/office/store-day';
import { SqliteShiftsRepo } from '../shifts/shifts.repo';
import { SqliteReturnsRepo } from '../returns/returns.repo';
import { productSales } from './product-sales';
import { reportBreakdowns } from './report-breakdowns';

/**
 * Cash sales of [start, end) taken while no shift was open. The counter does not require a shift
 * (issue 7 keeps the cashier's flow as it is), so the Z report shows this cash apart. The day's
 * shift windows (a handful) come in as JSON, so each payment is checked against those only.
 * See [Note: shift window] for the half-open window.
 */
const OUTSIDE_SHIFTS = `WITH w AS (
  SELECT json_extract(value, '$.from') AS from_, json_extract(value, '$.to') AS to_ FROM json_each(@windows))
SELECT p.id AS paymentId, p.sale_id AS saleId, p.amount_centavos AS amount, p.created_at AS at, u.name AS cashier
  FROM payments p LEFT JOIN users u ON u.id = p.created_by
 WHERE p.created_at >= @start AND p.created_at < @end AND p.method = 'cash'
   AND p.status IN ('approved', 'refund_requested', 'refunded')
   AND NOT EXISTS (SELECT 1 FROM w WHERE p.created_at >= w.from_ AND p.created_at < w.to_)`;
const OUTSIDE_TOTALS_SQL = `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM (${OUTSIDE_SHIFTS})`;
const OUTSIDE_LIST_SQL = `${OUTSIDE_SHIFTS} ORDER BY p.created_at DESC, p.id DESC LIMIT ${CASH_OUTSIDE_LISTED}`;

/** The Z report of one store day (YYYY-MM-DD): breakdowns, the day's shifts, cash outside shifts. */
export function dailyReport(db: Database, day: string, zone: StoreTimeZone): DailyReport {
  const range = dayRange(day, zone);
  const { byDay: _byDay, ...breakdowns } = reportBreakdowns(db, [range], zone);
  const shifts = new SqliteShiftsRepo(db).overlapping(range.start, range.end);
  const windows = JSON.stringify(
    shifts.map((s) => ({ from: s.openedAt, to: s.closedAt ?? Number.MAX_SAFE_INTEGER })),
  );
  const params = { windows, start: range.start, end: range.end };
  const totals = db
    .prepare<[typeof params], { count: number; amount: number }>(OUTSIDE_TOTALS_SQL)
    .get(params) ?? { count: 0, amount: 0 };
  const listed = db.prepare<[typeof params], CashOutsidePayment>(OUTSIDE_LIST_SQL).all(params);
  return {
    day,
    from: range.start,
    to: range.end,
    ...breakdowns,
    shifts,
    cashOutsideShifts: { ...totals, payments: listed },
    products: productSales(db, range.start, range.end),
    returns: new SqliteReturnsRepo(db).summary(range.start, range.end),
  };
}
