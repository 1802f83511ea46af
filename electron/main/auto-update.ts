import { autoUpdater } from 'electron-updater';
import type { Logger } from '../../app/ports/logger.port';
import type { AppUpdater } from '../../app/ports/updates.port';

/**
 * electron-updater as the AppUpdater port (issue 16, item 7); every decision is the update
 * controller's (app/services/updates). Downloads are verified by electron-updater itself: it checks
 * each file's sha512 from latest*.yml before it reports the update downloaded (and, on Windows,
 * the installer's publisher signature when the build is signed). Nothing here turns that off.
 */
export function electronAppUpdater(logger: Logger): AppUpdater {
  autoUpdater.autoDownload = true;
  // Installing is the controller's call, at a start, after a backup: never silently on quit.
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.logger = {
    info: (message?: unknown) => logger.info('updater', { detail: String(message) }),
    warn: (message?: unknown) => logger.warn('updater', { detail: String(message) }),
    error: (message?: unknown) => logger.error('updater', { detail: String(message) }),
  };
  // Without an 'error' listener an EventEmitter error would throw in the main process.
  autoUpdater.on('error', (error) => logger.warn('update failed', { error }));
  return {
    setFeedUrl: (url) => autoUpdater.setFeedURL({ provider: 'generic', url }),
    async checkForUpdates() {
      const result = await autoUpdater.checkForUpdates();
      // The download goes on after the check; its failure is reported through 'error' above.
      result?.downloadPromise?.catch(() => undefined);
    },
    onDownloaded: (listener) => autoUpdater.on('update-downloaded', (event) => listener(event.version)),
    // Silent (no installer pages on a store PC), and Caja starts again on the new version.
    quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
  };
}
