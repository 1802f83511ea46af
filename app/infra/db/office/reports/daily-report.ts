import type { Database } from 'better-sqlite3';
import type { CashOutsideShifts, DailyReport } from '../../../../domain/office/reports';
import { dayRange } from '../../../../domain/office/store-day';
import { SqliteShiftsRepo } from '../shifts/shifts.repo';
import { reportBreakdowns } from './report-breakdowns';

/**
 * Cash sales of [start, end) taken while no shift was open. The counter does not require a shift
 * (issue 7 keeps the cashier's flow as it is), so the Z report shows this cash apart. The day's
 * shift windows (a handful) come in as JSON, so each payment is checked against those only.
 * See [Note: shift window] for the half-open window.
 */
const OUTSIDE_SHIFTS_SQL = `WITH w AS (
  SELECT json_extract(value, '$.from') AS from_, json_extract(value, '$.to') AS to_ FROM json_each(?))
SELECT COUNT(*) AS count, COALESCE(SUM(p.amount_centavos), 0) AS amount
  FROM payments p
 WHERE p.created_at >= ? AND p.created_at < ? AND p.method = 'cash'
   AND p.status IN ('approved', 'refund_requested', 'refunded')
   AND NOT EXISTS (SELECT 1 FROM w WHERE p.created_at >= w.from_ AND p.created_at < w.to_)`;

/** The Z report of one Mexico City day (YYYY-MM-DD): breakdowns, the day's shifts, cash outside shifts. */
export function dailyReport(db: Database, day: string): DailyReport {
  const range = dayRange(day);
  const { byDay: _byDay, ...breakdowns } = reportBreakdowns(db, [range]);
  const shifts = new SqliteShiftsRepo(db).overlapping(range.start, range.end);
  const windows = JSON.stringify(
    shifts.map((s) => ({ from: s.openedAt, to: s.closedAt ?? Number.MAX_SAFE_INTEGER })),
  );
  const outside = db
    .prepare<[string, number, number], CashOutsideShifts>(OUTSIDE_SHIFTS_SQL)
    .get(windows, range.start, range.end) ?? { count: 0, amount: 0 };
  return {
    day,
    from: range.start,
    to: range.end,
    ...breakdowns,
    shifts,
    cashOutsideShifts: outside,
  };
}
