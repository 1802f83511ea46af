import type { Database } from 'better-sqlite3';
import type {
  DailyReport,
  MonthlyReport,
  PeriodReport,
  ReportScope,
} from '../../../../domain/office/reports';
import type { CardPaymentToCheck, ReportsReadModel } from '../../../../ports/reports.port';
import type { StoreTimeZone } from '../../../../domain/store-time-zone';
import { cardPaymentsBetween } from './card-payments-of-day';
import { dailyReport } from './daily-report';
import { monthlyReport } from './monthly-report';
import { periodReport } from './period-report';

/** The report queries on one database (the functions stay callable alone, for the benchmark). */
export class SqliteReportsReadModel implements ReportsReadModel {
  constructor(
    private readonly db: Database,
    /** The store's zone, read per report (see [Note: demo and real store]: each store has its own). */
    private readonly zone: () => StoreTimeZone,
  ) {}

  daily(day: string, scope: ReportScope = {}): DailyReport {
    return dailyReport(this.db, day, this.zone(), scope);
  }

  monthly(month: string, scope: ReportScope = {}): MonthlyReport {
    return monthlyReport(this.db, month, this.zone(), scope);
  }

  period(from: string, to: string, scope: ReportScope = {}): PeriodReport {
    return periodReport(this.db, from, to, this.zone(), scope);
  }

  cardPaymentsBetween(start: number, end: number): CardPaymentToCheck[] {
    return cardPaymentsBetween(this.db, start, end);
  }
}
