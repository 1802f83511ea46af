import type { Database } from 'better-sqlite3';
import {
  CASH_OUTSIDE_LISTED,
  type CashOutsidePayment,
  type DailyReport,
  type RegisterBreakdownRow,
  type RegisterZRow,
  type ReportScope,
} from '../../../../domain/office/reports';
import type { ShiftView } from '../../../../domain/office/shifts';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { dayRange } from '../../../../domain/office/store-day';
import { SqliteShiftsRepo } from '../shifts/shifts.repo';
import { SqliteReturnsRepo } from '../returns/returns.repo';
import { productSales } from './product-sales';
import { emptyTotals, reportBreakdowns, scopeOf } from './report-breakdowns';

/**
 * Cash sales of [start, end) taken while no shift was open. The counter does not require a shift
 * (issue 7 keeps the cashier's flow as it is), so the Z report shows this cash apart. The day's
 * shift windows (a handful) come in as JSON, so each payment is checked against those only: the
 * windows of its own register's drawer (issue 17), since another register's open shift does not
 * hold this register's cash. See [Note: shift window] for the half-open window.
 */
const OUTSIDE_SHIFTS = `WITH w AS (
  SELECT json_extract(value, '$.from') AS from_, json_extract(value, '$.to') AS to_,
         json_extract(value, '$.register') AS register FROM json_each(@windows))
SELECT p.id AS paymentId, p.sale_id AS saleId, p.amount_centavos AS amount, p.created_at AS at, u.name AS cashier
  FROM payments p LEFT JOIN users u ON u.id = p.created_by
 WHERE p.created_at >= @start AND p.created_at < @end AND p.method = 'cash'
   AND p.status IN ('approved', 'refund_requested', 'refunded')
   AND (@register IS NULL OR p.register_id = @register)
   AND NOT EXISTS (SELECT 1 FROM w
                    WHERE w.register = p.register_id AND p.created_at >= w.from_ AND p.created_at < w.to_)`;
const OUTSIDE_TOTALS_SQL = `SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS amount FROM (${OUTSIDE_SHIFTS})`;
const OUTSIDE_LIST_SQL = `${OUTSIDE_SHIFTS} ORDER BY p.created_at DESC, p.id DESC LIMIT ${CASH_OUTSIDE_LISTED}`;

/**
 * Each register's row of the Z report: its breakdown row and its drawers of the day. A register
 * with a shift but no sale still gets a row (its drawer was open), with zero totals.
 */
function registerRows(
  byRegister: readonly RegisterBreakdownRow[],
  shifts: readonly ShiftView[],
): RegisterZRow[] {
  const rows = new Map<number, RegisterZRow>(
    byRegister.map((row) => [row.key, { ...row, shiftCount: 0, expectedCash: null }]),
  );
  for (const shift of shifts) {
    const row = rows.get(shift.registerId) ?? {
      key: shift.registerId,
      label: shift.registerName,
      ...emptyTotals(),
      cardSales: 0,
      cashSales: 0,
      shiftCount: 0,
      expectedCash: null,
    };
    rows.set(shift.registerId, row);
    row.shiftCount += 1;
    row.expectedCash = (row.expectedCash ?? 0) + shift.expected;
  }
  return [...rows.values()].sort((a, b) => a.key - b.key);
}

/**
 * The Z report of one store day (YYYY-MM-DD): breakdowns, the day's shifts, cash outside shifts,
 * for the whole store or one register (`scope.registerId`), with a row per register either way.
 */
export function dailyReport(
  db: Database,
  day: string,
  zone: StoreTimeZone,
  scope: ReportScope = {},
): DailyReport {
  const range = dayRange(day, zone);
  const register = scope.registerId ?? null;
  const { byDay: _byDay, byRegister, ...breakdowns } = reportBreakdowns(db, [range], zone, scope);
  const shifts = new SqliteShiftsRepo(db)
    .overlapping(range.start, range.end)
    .filter((s) => register === null || s.registerId === register);
  const windows = JSON.stringify(
    shifts.map((s) => ({
      from: s.openedAt,
      to: s.closedAt ?? Number.MAX_SAFE_INTEGER,
      register: s.registerId,
    })),
  );
  const params = { windows, start: range.start, end: range.end, register };
  const totals = db
    .prepare<[typeof params], { count: number; amount: number }>(OUTSIDE_TOTALS_SQL)
    .get(params) ?? { count: 0, amount: 0 };
  const listed = db.prepare<[typeof params], CashOutsidePayment>(OUTSIDE_LIST_SQL).all(params);
  return {
    day,
    from: range.start,
    to: range.end,
    ...scopeOf(db, scope),
    ...breakdowns,
    byRegister: registerRows(byRegister, shifts),
    shifts,
    cashOutsideShifts: { ...totals, payments: listed },
    products: productSales(db, range.start, range.end, scope.registerId),
    returns: new SqliteReturnsRepo(db).summary(range.start, range.end, scope.registerId),
  };
}
