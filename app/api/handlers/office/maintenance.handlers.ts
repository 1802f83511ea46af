import type { Handlers } from '../../dispatch';
import type { MaintenanceContract } from '../../office/maintenance.contract';
import { fail, type Result } from '../../../domain/result';
import type { BackupView, MaintenanceOverview } from '../../../domain/office/maintenance';
import type { UserSummary } from '../../../domain/session';
import type { ExportedBinary } from '../../../domain/office/reports';
import type { AuditLog } from '../../../ports/audit.port';
import type { Clock } from '../../../ports/clock.port';

/**
 * What the host lets the office do with logs and backups (app/host/maintenance.ts). A core built
 * without a host (most tests) has none, and these channels answer `unavailable`.
 */
export interface MaintenanceControl {
  overview(): MaintenanceOverview;
  exportLogs(days: number): Promise<Result<ExportedBinary>>;
  backupNow(): Promise<Result<BackupView & { secondFolderError?: string }>>;
  restore(name: string): Promise<Result<{ restored: string; safetyBackup: string }>>;
  setSecondFolder(folder: string): Result<{ secondFolder: string }>;
}

/** What the maintenance channels call. */
export interface MaintenanceHandlersDeps {
  control: () => MaintenanceControl | undefined;
  /** Checks a manager PIN typed for the restore (counted as a wrong PIN when wrong). */
  approveManager: (pin: string) => Promise<Result<UserSummary>>;
  audit: AuditLog;
  clock: Clock;
  manager: () => number;
}

const NO_HOST = 'Esta instalación no tiene respaldos ni registros que administrar.';

/** Handlers of the office's maintenance channels. */
export function maintenanceHandlers(
  deps: MaintenanceHandlersDeps,
): Pick<Handlers, keyof MaintenanceContract> {
  const audited = (action: string, details: Record<string, unknown>) =>
    deps.audit.append({ action, actorUserId: deps.manager(), details }, deps.clock.now());
  return {
    'office.maintenance.get': () => deps.control()?.overview() ?? fail('unavailable', NO_HOST),
    'office.maintenance.logs.export': async ({ days }) => {
      const control = deps.control();
      if (!control) return fail('unavailable', NO_HOST);
      audited('maintenance.logs.exported', { days });
      return control.exportLogs(days);
    },
    'office.maintenance.backups.create': async () => {
      const control = deps.control();
      if (!control) return fail('unavailable', NO_HOST);
      const taken = await control.backupNow();
      if (taken.ok) audited('maintenance.backup.created', { name: taken.value.name });
      return taken;
    },
    'office.maintenance.backups.restore': async ({ name, pin }) => {
      const control = deps.control();
      if (!control) return fail('unavailable', NO_HOST);
      const approved = await deps.approveManager(pin);
      if (!approved.ok) return approved;
      // Audited in the database being replaced AND (by the host) in the restored one.
      audited('maintenance.backup.restoring', { name, approvedBy: approved.value.id });
      return control.restore(name);
    },
    'office.maintenance.secondFolder.set': ({ folder }) => {
      const control = deps.control();
      if (!control) return fail('unavailable', NO_HOST);
      const set = control.setSecondFolder(folder);
      if (set.ok) audited('maintenance.secondFolder.set', { folder: set.value.secondFolder });
      return set;
    },
  };
}
