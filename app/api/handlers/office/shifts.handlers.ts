import type { Handlers } from '../../dispatch';
import type { ShiftsContract } from '../../office/shifts.contract';
import { SqliteShiftsRepo } from '../../../infra/db/office/shifts/shifts.repo';
import { ReportsService } from '../../../services/office/shifts/reports.service';
import { ShiftsService } from '../../../services/office/shifts/shifts.service';
import type { OfficeDeps } from './office-deps';

/** Handlers of the office's shifts and reports channels. */
export function shiftsHandlers(deps: OfficeDeps): Pick<Handlers, keyof ShiftsContract> {
  const shifts = new ShiftsService({
    repo: new SqliteShiftsRepo(deps.db),
    audit: deps.audit,
    clock: deps.clock,
    manager: deps.manager,
  });
  const reports = new ReportsService({
    db: deps.db,
    audit: deps.audit,
    clock: deps.clock,
    gateway: deps.gateway,
    manager: deps.manager,
    storeName: () => deps.preferences.storeName(),
    language: () => deps.preferences.language(),
  });
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
  };
}
