import type { Database } from 'better-sqlite3';
import type { PeriodReport, ReportScope } from '../../../../domain/office/reports';
import { dayRange, nextStoreDay, type DayRange } from '../../../../domain/office/store-day';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { SqliteReturnsRepo } from '../returns/returns.repo';
import { productSalesFromSummary } from './product-sales';
import { reportBreakdowns, scopeOf } from './report-breakdowns';

/** Every store day from `from` to `to`, both included (the caller checks the length). */
export function periodDays(from: string, to: string, zone: StoreTimeZone): DayRange[] {
  const days: DayRange[] = [];
  for (let day = from; day <= to; day = nextStoreDay(day)) days.push(dayRange(day, zone));
  return days;
}

/**
 * The period report: the Z report's money totals over the days (see [Note: report periods]) and the
 * sales by product and department of the sales completed from the first day's start to the last's end,
 * read from the hourly summary (see [Note: product sales by hour]); for one register, from its
 * lines (see [Note: product sales of one register]).
 */
export function periodReport(
  db: Database,
  from: string,
  to: string,
  zone: StoreTimeZone,
  scope: ReportScope = {},
): PeriodReport {
  const days = periodDays(from, to, zone);
  const start = days[0]?.start ?? dayRange(from, zone).start;
  const end = days.at(-1)?.end ?? dayRange(from, zone).end;
  const { totals, byRegister } = reportBreakdowns(db, days, zone, scope);
  return {
    from,
    to,
    start,
    end,
    ...scopeOf(db, scope),
    totals,
    byRegister,
    products: productSalesFromSummary(db, start, end, scope.registerId),
    returns: new SqliteReturnsRepo(db).summary(start, end, scope.registerId),
  };
}
