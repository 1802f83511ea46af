import type { Database } from 'better-sqlite3';
import type { MonthlyReport } from '../../../../domain/office/reports';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { monthDays } from '../../../../domain/office/store-day';
import { reportBreakdowns } from './report-breakdowns';

/** The month (YYYY-MM): totals per store day plus the daily report's breakdowns. */
export function monthlyReport(db: Database, month: string, zone: StoreTimeZone): MonthlyReport {
  return { month, ...reportBreakdowns(db, monthDays(month, zone), zone) };
}
