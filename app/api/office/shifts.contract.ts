/**
 * The manager's office, shifts and reports: `office.shifts.*` (the drawer) and `office.reports.*`
 * (the Z report, the month, reconciliation and exports). Every `office.*` channel is `manager` (see
 * [Note: the office needs a manager]). Result types live in app/domain/office so the renderer can
 * import them without Node types.
 */
import type { CurrentShift, DenominationCounts, ShiftView } from '../../domain/office/shifts';
import type {
  DailyReport,
  ExportedBinary,
  ExportedText,
  MonthlyReport,
  PeriodReport,
  ReconciliationResult,
} from '../../domain/office/reports';

/** A Mexico City calendar day, YYYY-MM-DD. */
type Day = { day: string };
/** A report's part of the store (issue 17): one register's payments, or the whole store when absent. */
type Scope = { registerId?: number | undefined };
/** A store day of a report. */
type ReportDay = Day & Scope;
/** Store days from `from` to `to`, both included, at most a year. */
type Period = { from: string; to: string } & Scope;

export interface ShiftsContract {
  /** The register's open shift (null if none) and the card payments that would stop it from closing. */
  'office.shifts.current': { policy: 'manager'; args: Record<string, never>; result: CurrentShift };
  /** Opens a shift with the counted float (centavos); `conflict` if one is already open. */
  'office.shifts.open': { policy: 'manager'; args: { float: number }; result: ShiftView };
  /** Cash put into (in) or taken out of (out) the drawer, with a reason. */
  'office.shifts.cashMovement': {
    policy: 'manager';
    args: { kind: 'in' | 'out'; amount: number; reason: string };
    result: ShiftView;
  };
  /** Closes the open shift with a count per bill and coin; `conflict` while a card payment is in doubt. */
  'office.shifts.close': {
    policy: 'manager';
    args: { denominations: DenominationCounts };
    result: ShiftView;
  };
  /** Shifts that overlap a day, every register's (each names its register). */
  'office.shifts.list': { policy: 'manager'; args: Day; result: ShiftView[] };
  /** The Z report of a day, with its per-register breakdown; of one register when `registerId` is set. */
  'office.reports.daily': { policy: 'manager'; args: ReportDay; result: DailyReport };
  /** The month (YYYY-MM): totals per day plus the same breakdowns. */
  'office.reports.monthly': { policy: 'manager'; args: { month: string } & Scope; result: MonthlyReport };
  /** Re-asks Kushki's get-status for every card payment of the day and lists disagreements. */
  'office.reports.reconcile': { policy: 'manager'; args: Day; result: ReconciliationResult };
  /** The Z report as CSV for Excel (UTF-8 with BOM, CRLF). */
  'office.reports.exportCsv': { policy: 'manager'; args: ReportDay; result: ExportedText };
  /** The Z report as PDF, base64. */
  'office.reports.exportPdf': { policy: 'manager'; args: ReportDay; result: ExportedBinary };
  /** A period's totals and its sales by product and department (issue 13). */
  'office.reports.period': { policy: 'manager'; args: Period; result: PeriodReport };
  /** The period report as CSV for Excel (UTF-8 with BOM, CRLF). */
  'office.reports.exportPeriodCsv': { policy: 'manager'; args: Period; result: ExportedText };
  /** The period report as an Excel workbook (.xlsx), base64. */
  'office.reports.exportPeriodXlsx': { policy: 'manager'; args: Period; result: ExportedBinary };
}

/** This area's channels, in review order; channels.ts checks the union of all areas is complete. */
export const SHIFTS_CHANNELS = [
  'office.shifts.current',
  'office.shifts.open',
  'office.shifts.cashMovement',
  'office.shifts.close',
  'office.shifts.list',
  'office.reports.daily',
  'office.reports.monthly',
  'office.reports.reconcile',
  'office.reports.exportCsv',
  'office.reports.exportPdf',
  'office.reports.period',
  'office.reports.exportPeriodCsv',
  'office.reports.exportPeriodXlsx',
] as const satisfies readonly (keyof ShiftsContract)[];
