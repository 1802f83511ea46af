/**
 * Composition of the desktop's self-update (issue 16, item 7): the update controller over the
 * store host (settings of the open store, payments in flight), the pending-update marker in the data
 * directory, and the backup taken before an install. The shell passes its AppUpdater
 * (electron-updater) and whether it is packaged.
 */
import { fail } from '../domain/result';
import { pendingUpdateFile } from '../infra/updates/pending-update-file';
import type { Clock } from '../ports/clock.port';
import type { Logger } from '../ports/logger.port';
import type { AppUpdater, UpdateBackup } from '../ports/updates.port';
import { readUpdateSettings } from '../services/office/settings/update-settings.service';
import { UpdateController } from '../services/updates/update-controller.service';
import { nodeTimers } from './node-timers';
import type { StoreHost } from './store-host';

/**
 * The backup before an update: the hook the store's backup service (issue 16, item 4) fills with a
 * verified online backup of `host.current().core.databaseFile`. Until then it answers `unavailable`,
 * and an update never installs without a backup, so it stays pending (logged as backup_failed).
 */
export function backupBeforeUpdate(_host: StoreHost, _dataDir: string): UpdateBackup {
  return {
    backupBeforeUpdate: () =>
      Promise.resolve(fail('unavailable', 'No backup service is wired: the update waits for one.')),
  };
}

/** Builds the update controller of one run of the desktop app; call start() once the store is open. */
export function createUpdateController(options: {
  host: StoreHost;
  dataDir: string;
  updater: AppUpdater;
  packaged: boolean;
  logger: Logger;
  clock?: Clock;
}): UpdateController {
  const { host } = options;
  return new UpdateController({
    updater: options.updater,
    pending: pendingUpdateFile(options.dataDir),
    backup: backupBeforeUpdate(host, options.dataDir),
    settings: () => readUpdateSettings(host.current().core.settings),
    salesWithPaymentInFlight: () => host.current().core.salesWithPaymentInFlight(),
    packaged: options.packaged,
    runningVersion: process.env.CAJA_VERSION ?? '0.0.0',
    clock: options.clock ?? { now: () => Date.now() },
    timers: nodeTimers,
    logger: options.logger,
  });
}
