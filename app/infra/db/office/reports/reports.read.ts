import type { Database } from 'better-sqlite3';
import type { DailyReport, MonthlyReport, PeriodReport } from '../../../../domain/office/reports';
import type { CardPaymentToCheck, ReportsReadModel } from '../../../../ports/reports.port';
import { cardPaymentsBetween } from './card-payments-of-day';
import { dailyReport } from './daily-report';
import { monthlyReport } from './monthly-report';
import { periodReport } from './period-report';

/** The report queries on one database (the functions stay callable alone, for the benchmark). */
export class SqliteReportsReadModel implements ReportsReadModel {
  constructor(private readonly db: Database) {}

  daily(day: string): DailyReport {
    return dailyReport(this.db, day);
  }

  monthly(month: string): MonthlyReport {
    return monthlyReport(this.db, month);
  }

  period(from: string, to: string): PeriodReport {
    return periodReport(this.db, from, to);
  }

  cardPaymentsBetween(start: number, end: number): CardPaymentToCheck[] {
    return cardPaymentsBetween(this.db, start, end);
  }
}
