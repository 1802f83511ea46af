/**
 * The host's logs and backups, as the office sees them (issue 16, items 1 and 4): built once per
 * store host, it always acts on the store that is open now. Backups are taken one at a time (a
 * queue), so a daily backup and one on demand never write the same folder at once.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import JSZip from 'jszip';
import { fail, ok, type Result } from '../domain/result';
import type { BackupKind } from '../domain/office/backup-rotation';
import type { BackupView, MaintenanceOverview } from '../domain/office/maintenance';
import type { MaintenanceControl } from '../api/handlers/office/maintenance.handlers';
import { logsDirIn, recentLogFiles } from '../infra/log/file-log';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { SettingsRepo } from '../ports/settings.port';
import type { Timers } from '../ports/timers.port';
import { backupsDirFor, listBackups, takeBackup } from './backups';

/** The setting that names the second folder ('' or absent: none). Per store, like every setting. */
export const SECOND_FOLDER_KEY = 'backups.secondFolder';

/** What maintenance reads of the open store. */
export interface OpenStore {
  dir: string;
  databaseFile: string;
  settings: SettingsRepo;
}

/** What the host gives maintenance. */
export interface MaintenanceDeps {
  dataDir: string;
  open: () => OpenStore;
  clock: Clock;
  logger: Logger;
  nativeBinding?: string | undefined;
  /** The host's restore (it closes and reopens the store). */
  restore: (name: string) => Promise<Result<{ restored: string; safetyBackup: string }>>;
  /** Pages per backup step (tests slow a backup down to catch it mid-way). */
  pagesPerStep?: number;
}

/** The maintenance control plus what the host itself uses. */
export interface HostMaintenance extends MaintenanceControl {
  /** A backup of the open store, queued behind any other one. */
  take(kind: BackupKind): Promise<BackupView & { secondFolderError?: string }>;
  /** The open store's backups folder. */
  backupsDir(): string;
  /** Resolves once no backup is being written (the host waits for it before it closes). */
  idle(): Promise<void>;
}

/** Builds the host's maintenance over whichever store is open. */
export function createMaintenance(deps: MaintenanceDeps): HostMaintenance {
  let queue: Promise<unknown> = Promise.resolve();
  const backupsDir = () => backupsDirFor(deps.dataDir, deps.open().dir);
  const secondFolder = () => deps.open().settings.getPublic(SECOND_FOLDER_KEY) ?? '';

  const take = (kind: BackupKind) => {
    const run = async () => {
      const store = deps.open();
      return takeBackup({
        databaseFile: store.databaseFile,
        dir: backupsDirFor(deps.dataDir, store.dir),
        kind,
        now: deps.clock.now(),
        secondFolder: secondFolder(),
        nativeBinding: deps.nativeBinding,
        logger: deps.logger,
        pagesPerStep: deps.pagesPerStep,
      });
    };
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    take,
    backupsDir,
    idle: () => queue.then(() => undefined),
    overview: (): MaintenanceOverview => ({
      logsDir: logsDirIn(deps.dataDir),
      backupsDir: backupsDir(),
      secondFolder: secondFolder(),
      backups: listBackups(backupsDir()),
    }),
    async exportLogs(days) {
      const files = recentLogFiles(deps.dataDir, days, deps.clock.now());
      if (files.length === 0) return fail('not_found', 'No hay registros de esos días.');
      const zip = new JSZip();
      for (const file of files) zip.file(basename(file), readFileSync(file));
      const base64 = await zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
      const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
      return ok({ fileName: `caja-registros-${day}.zip`, mimeType: 'application/zip', base64 });
    },
    async backupNow() {
      try {
        return ok(await take('manual'));
      } catch (error) {
        deps.logger.error('backup failed', { error });
        return fail('unavailable', `No se pudo hacer el respaldo: ${(error as Error).message}`);
      }
    },
    restore: (name) => deps.restore(name),
    setSecondFolder(folder) {
      const trimmed = folder.trim();
      if (trimmed !== '') {
        const problem = unusableFolder(trimmed);
        if (problem) return fail('validation_failed', problem);
      }
      deps.open().settings.setPublic(SECOND_FOLDER_KEY, trimmed, deps.clock.now());
      return ok({ secondFolder: trimmed });
    },
  };
}

function unusableFolder(folder: string): string | null {
  if (!isAbsolute(folder)) return 'Escriba la ruta completa de la carpeta (por ejemplo E:\\Respaldos).';
  try {
    if (!statSync(folder).isDirectory()) return 'Esa ruta no es una carpeta.';
    accessSync(folder, constants.W_OK);
    return null;
  } catch {
    return 'No se encontró la carpeta o Caja no puede escribir en ella (¿está conectado el disco?).';
  }
}

/** Hourly look: when the open store's newest daily backup is 24 h old (or there is none), take one. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the daily backups on the injected timers; returns the stop function. */
export function startDailyBackups(
  maintenance: HostMaintenance,
  deps: { clock: Clock; timers: Timers; logger: Logger },
): () => void {
  let cancel: () => void = () => undefined;
  let stopped = false;
  const check = async () => {
    const newest = listBackups(maintenance.backupsDir()).find((b) => b.kind === 'daily');
    if (!newest || deps.clock.now() - newest.takenAt >= DAY_MS) {
      try {
        await maintenance.take('daily');
      } catch (error) {
        deps.logger.error('daily backup failed', { error });
      }
    }
    if (!stopped) cancel = deps.timers.after(DAILY_CHECK_MS, () => void check());
  };
  void check();
  return () => {
    stopped = true;
    cancel();
  };
}
