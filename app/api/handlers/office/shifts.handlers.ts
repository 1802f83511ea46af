import type { Handlers } from '../../dispatch';
import type { ShiftsContract } from '../../office/shifts.contract';
import type { ReportsService } from '../../../services/office/shifts/reports.service';
import type { ShiftsService } from '../../../services/office/shifts/shifts.service';

/** What the shifts and reports channels call (built by app/host/build-office.ts). */
export interface ShiftsHandlersDeps {
  shifts: ShiftsService;
  reports: ReportsService;
}

/** Handlers of the office's shifts and reports channels. */
export function shiftsHandlers({
  shifts,
  reports,
}: ShiftsHandlersDeps): Pick<Handlers, keyof ShiftsContract> {
  return {
    'office.shifts.current': () => shifts.current(),
    'office.shifts.open': ({ float }) => shifts.open(float),
    'office.shifts.cashMovement': ({ kind, amount, reason }) => shifts.moveCash(kind, amount, reason),
    'office.shifts.close': ({ denominations }) => shifts.close(denominations),
    'office.shifts.list': ({ day }) => shifts.list(day),
    'office.reports.daily': ({ day }) => reports.daily(day),
    'office.reports.monthly': ({ month }) => reports.monthly(month),
    'office.reports.reconcile': ({ day }) => reports.reconcile(day),
    'office.reports.exportCsv': ({ day }) => reports.exportCsv(day),
    'office.reports.exportPdf': ({ day }) => reports.exportPdf(day),
    'office.reports.period': ({ from, to }) => reports.period(from, to),
    'office.reports.exportPeriodCsv': ({ from, to }) => reports.exportPeriodCsv(from, to),
    'office.reports.exportPeriodXlsx': ({ from, to }) => reports.exportPeriodXlsx(from, to),
  };
}
