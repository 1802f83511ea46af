/**
 * The office's maintenance section in Configuración (issue 16): where the logs are and an export of
 * the last days as a zip; the backups (list, take one now, restore one with a manager PIN) and the
 * optional second folder. Every `office.*` channel is `manager` (see [Note: the office needs a manager]).
 */
import type { BackupView, MaintenanceOverview } from '../../domain/office/maintenance';
import type { ExportedBinary } from '../../domain/office/reports';

type Empty = Record<string, never>;

export interface MaintenanceContract {
  'office.maintenance.get': { policy: 'manager'; args: Empty; result: MaintenanceOverview };
  /** The log files of the last `days` days as one .zip, base64. */
  'office.maintenance.logs.export': {
    policy: 'manager';
    args: { days: number };
    result: ExportedBinary;
  };
  /** A verified online backup now (kind `manual`). */
  'office.maintenance.backups.create': {
    policy: 'manager';
    args: Empty;
    result: BackupView & { secondFolderError?: string };
  };
  /**
   * Replaces the open store's database with backup `name` (after a `pre-restore` backup of it) and
   * reopens the store: every page gets `app.store.switched` and reloads. Needs a manager's PIN typed
   * again; `conflict` while a card payment is in flight.
   */
  'office.maintenance.backups.restore': {
    policy: 'manager';
    args: { name: string; pin: string };
    result: { restored: string; safetyBackup: string };
  };
  /** The second folder every backup is copied to ('' for none); it must exist and be writable. */
  'office.maintenance.secondFolder.set': {
    policy: 'manager';
    args: { folder: string };
    result: { secondFolder: string };
  };
}

/** This area's channels. */
export const MAINTENANCE_CHANNELS = [
  'office.maintenance.get',
  'office.maintenance.logs.export',
  'office.maintenance.backups.create',
  'office.maintenance.backups.restore',
  'office.maintenance.secondFolder.set',
] as const satisfies readonly (keyof MaintenanceContract)[];
