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
    'office.reports.daily': ({ day, registerId }) => reports.daily(day, { registerId }),
    'office.reports.monthly': ({ month, registerId }) => reports.monthly(month, { registerId }),
    'office.reports.reconcile': ({ day }) => reports.reconcile(day),
    'office.reports.exportCsv': ({ day, registerId }) => reports.exportCsv(day, { registerId }),
    'office.reports.exportPdf': ({ day, registerId }) => reports.exportPdf(day, { registerId }),
    'office.reports.period': ({ from, to, registerId }) => reports.period(from, to, { registerId }),
    'office.reports.exportPeriodCsv': ({ from, to, registerId }) =>
      reports.exportPeriodCsv(from, to, { registerId }),
    'office.reports.exportPeriodXlsx': ({ from, to, registerId }) =>
      reports.exportPeriodXlsx(from, to, { registerId }),
  };
}
