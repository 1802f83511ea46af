/**
 * The Z report, the month, reconciliation against Kushki and the exports. The aggregation is SQL in
 * app/infra/db/office/reports (also run by the benchmark) behind ReportsReadModel; this service adds
 * the audit trail and the file formats.
 */
import type { StoreTimeZone } from '../../../domain/store-time-zone';
import type { Language } from '../../../domain/language';
import type {
  DailyReport,
  ExportedBinary,
  ExportedText,
  MonthlyReport,
  PeriodReport,
  ReconciliationResult,
  ReportScope,
} from '../../../domain/office/reports';
import { dayRange } from '../../../domain/office/store-day';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';
import type { PaymentGateway } from '../../../ports/payment-gateway.port';
import type { ReportsReadModel } from '../../../ports/reports.port';
import { periodCsv, periodXlsx } from './period-export';
import { reconcilePayments } from './reconciliation';
import { reportCsv } from './report-csv';
import { reportLabels } from './report-labels';
import { reportPdf } from './report-pdf';

/** A register's exports are named apart from the store's: `-caja-2` (the id: names may hold anything). */
function fileSuffix(scope: ReportScope): string {
  return scope.registerId === undefined ? '' : `-caja-${scope.registerId}`;
}

/** What the reports service needs. */
export interface ReportsDeps {
  read: ReportsReadModel;
  audit: AuditLog;
  clock: Clock;
  gateway: () => PaymentGateway;
  manager: () => number;
  storeName: () => string;
  language: () => Language;
  /** The store's zone: the report's days and printed times follow it. */
  timeZone: () => StoreTimeZone;
}

/** Report use cases. */
export class ReportsService {
  constructor(private readonly deps: ReportsDeps) {}

  /** The Z report of a store day, of the whole store or one register (issue 17). */
  daily(day: string, scope: ReportScope = {}): DailyReport {
    return this.deps.read.daily(day, scope);
  }

  /** The month's report. */
  monthly(month: string, scope: ReportScope = {}): MonthlyReport {
    return this.deps.read.monthly(month, scope);
  }

  /** Store days `from`..`to` (validated at the boundary): totals and sales by product and department. */
  period(from: string, to: string, scope: ReportScope = {}): PeriodReport {
    return this.deps.read.period(from, to, scope);
  }

  /** The period report as CSV for Excel. */
  exportPeriodCsv(from: string, to: string, scope: ReportScope = {}): ExportedText {
    const now = this.exported(`period:${from}..${to}`, 'csv', scope);
    const content = periodCsv(this.period(from, to, scope), this.context(now));
    const fileName = `ventas-${from}-a-${to}${fileSuffix(scope)}.csv`;
    return { fileName, mimeType: 'text/csv;charset=utf-8', content };
  }

  /** The period report as an Excel workbook (base64). */
  async exportPeriodXlsx(from: string, to: string, scope: ReportScope = {}): Promise<ExportedBinary> {
    const now = this.exported(`period:${from}..${to}`, 'xlsx', scope);
    const bytes = await periodXlsx(this.period(from, to, scope), this.context(now));
    return {
      fileName: `ventas-${from}-a-${to}${fileSuffix(scope)}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: Buffer.from(bytes).toString('base64'),
    };
  }

  /** Re-asks Kushki about every card payment of the day; the result goes to the audit log. */
  async reconcile(day: string): Promise<ReconciliationResult> {
    const range = dayRange(day, this.deps.timeZone());
    const payments = this.deps.read.cardPaymentsBetween(range.start, range.end);
    const result = await reconcilePayments(day, payments, this.deps.gateway(), () => this.deps.clock.now());
    this.deps.audit.append(
      {
        action: 'report.reconciled',
        actorUserId: this.deps.manager(),
        subject: `day:${day}`,
        details: {
          checked: result.checked,
          matched: result.matched,
          mismatches: result.mismatches.map((m) => ({
            paymentId: m.paymentId,
            reference: m.reference,
            caja: m.cajaStatus,
            kushki: m.kushkiStatus,
          })),
          unverified: result.unverified.map((u) => ({ paymentId: u.paymentId, reason: u.reason })),
        },
      },
      result.checkedAt,
    );
    return result;
  }

  /** The Z report as CSV for Excel. */
  exportCsv(day: string, scope: ReportScope = {}): ExportedText {
    const now = this.exported(`day:${day}`, 'csv', scope);
    const content = reportCsv(this.daily(day, scope), this.context(now));
    const fileName = `reporte-z-${day}${fileSuffix(scope)}.csv`;
    return { fileName, mimeType: 'text/csv;charset=utf-8', content };
  }

  /** The Z report as PDF (base64). */
  async exportPdf(day: string, scope: ReportScope = {}): Promise<ExportedBinary> {
    const now = this.exported(`day:${day}`, 'pdf', scope);
    const bytes = await reportPdf(this.daily(day, scope), this.context(now));
    return {
      fileName: `reporte-z-${day}${fileSuffix(scope)}.pdf`,
      mimeType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
    };
  }

  private context(now: number) {
    return {
      storeName: this.deps.storeName(),
      generatedAt: now,
      labels: reportLabels(this.deps.language()),
      timeZone: this.deps.timeZone(),
    };
  }

  /** Audits an export (and which register it covered, if one) and returns its time. */
  private exported(subject: string, format: 'csv' | 'pdf' | 'xlsx', scope: ReportScope): number {
    const now = this.deps.clock.now();
    this.deps.audit.append(
      {
        action: 'report.exported',
        actorUserId: this.deps.manager(),
        subject,
        details: scope.registerId === undefined ? { format } : { format, registerId: scope.registerId },
      },
      now,
    );
    return now;
  }
}
