import type { Database } from 'better-sqlite3';
import type { MonthlyReport } from '../../../../domain/office/reports';
import { monthDays } from '../../../../domain/office/store-day';
import { reportBreakdowns } from './report-breakdowns';

/** The month (YYYY-MM): totals per Mexico City day plus the daily report's breakdowns. */
export function monthlyReport(db: Database, month: string): MonthlyReport {
  return { month, ...reportBreakdowns(db, monthDays(month)) };
}
