/**
 * What the update controller needs (issue 16, item 7). The desktop shell adapts electron-updater
 * to AppUpdater; the backup comes from the store's backup service. See [Note: updates install at
 * the next start] in app/domain/updates.ts.
 */
import type { PendingUpdate } from '../domain/updates';
import type { Result } from '../domain/result';

/** The self-updater of the running app (electron-updater's autoUpdater on the desktop). */
export interface AppUpdater {
  /** The generic server to read latest*.yml and installers from. */
  setFeedUrl(url: string): void;
  /**
   * Asks the server; when it offers a newer version, downloads it (or reuses the cached, verified
   * download) and then calls the onDownloaded listener. Resolves when the check is answered.
   */
  checkForUpdates(): Promise<void>;
  /** Called with the version once its download is complete and its sha512 verified. */
  onDownloaded(listener: (version: string) => void): void;
  /** Quits Caja and runs the installer, which starts the new version. */
  quitAndInstall(): void;
}

/** The marker of a downloaded update, kept across runs (a small file in the data directory). */
export interface PendingUpdateStore {
  read(): PendingUpdate | null;
  write(pending: PendingUpdate): void;
  clear(): void;
}

/** The backup taken right before an update installs; an update never installs without it. */
export interface UpdateBackup {
  /** A verified backup of the open store's database; `file` is where it was written. */
  backupBeforeUpdate(): Promise<Result<{ file: string }>>;
}
