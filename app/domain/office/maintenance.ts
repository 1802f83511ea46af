/** What the office's Configuración shows about logs and backups (issue 16). */
import type { BackupKind } from './backup-rotation';

export type { BackupKind } from './backup-rotation';

/** One finished, verified backup of the open store. */
export interface BackupView {
  /** The file name (the only handle the renderer gets; no path). */
  name: string;
  kind: BackupKind;
  takenAt: number;
  bytes: number;
}

/** The maintenance section: where logs and backups are (for the manager to find them), and the backups. */
export interface MaintenanceOverview {
  logsDir: string;
  backupsDir: string;
  /** The optional second folder (USB disk, network share) every backup is copied to; '' when none. */
  secondFolder: string;
  backups: BackupView[];
}

/** Days of logs the export may cover. */
export const LOG_EXPORT_MAX_DAYS = 30;
