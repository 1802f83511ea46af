/**
 * The report queries the services run: the Z report of a day, the month, and the card payments a
 * reconciliation re-asks Kushki about. The aggregation is SQL in app/infra/db/office/reports.
 */
import type { DailyReport, MonthlyReport, PeriodReport } from '../domain/office/reports';
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
  /** The Z report of one Mexico City day (YYYY-MM-DD). */
  daily(day: string): DailyReport;
  /** The month (YYYY-MM): totals per Mexico City day plus the daily report's breakdowns. */
  monthly(month: string): MonthlyReport;
  /** Store days `from`..`to` (both included, at most PERIOD_MAX_DAYS): totals and sales by product and department. */
  period(from: string, to: string): PeriodReport;
  /** Card payments created in [start, end), oldest first (the reconciliation's list). */
  cardPaymentsBetween(start: number, end: number): CardPaymentToCheck[];
}
