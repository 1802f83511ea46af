import type { Database } from 'better-sqlite3';
import type { MonthlyReport, ReportScope } from '../../../../domain/office/reports';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { monthDays } from '../../../../domain/office/store-day';
import { reportBreakdowns, scopeOf } from './report-breakdowns';

/** The month (YYYY-MM): totals per store day plus the daily report's breakdowns (one register's if scoped). */
export function monthlyReport(
  db: Database,
  month: string,
  zone: StoreTimeZone,
  scope: ReportScope = {},
): MonthlyReport {
  return {
    month,
    ...scopeOf(db, scope),
    ...reportBreakdowns(db, monthDays(month, zone), zone, scope),
  };
}
