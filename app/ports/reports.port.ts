/**
 * The report queries the services run: the Z report of a day, the month, and the card payments a
 * reconciliation re-asks Kushki about. The aggregation is SQL in app/infra/db/office/reports.
 */
import type { DailyReport, MonthlyReport, PeriodReport, ReportScope } from '../domain/office/reports';
import type { PaymentStatus } from '../domain/payment-status';

/** A card payment to re-verify: enough to ask Kushki and to report a mismatch. */
export interface CardPaymentToCheck {
  paymentId: number;
  saleId: number;
  reference: string;
  status: PaymentStatus;
  amount: number;
}

/** Reads the reports. */
export interface ReportsReadModel {
  /** The Z report of one store day (YYYY-MM-DD), of the whole store or one register (issue 17). */
  daily(day: string, scope?: ReportScope): DailyReport;
  /** The month (YYYY-MM): totals per store day plus the daily report's breakdowns. */
  monthly(month: string, scope?: ReportScope): MonthlyReport;
  /** Store days `from`..`to` (both included, at most PERIOD_MAX_DAYS): totals and sales by product and department. */
  period(from: string, to: string, scope?: ReportScope): PeriodReport;
  /** Card payments created in [start, end), oldest first (the reconciliation's list). */
  cardPaymentsBetween(start: number, end: number): CardPaymentToCheck[];
}
