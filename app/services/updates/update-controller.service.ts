/**
 * Runs the desktop's self-update (issue 16, item 7) on injected ports: checks now and every
 * UPDATE_CHECK_INTERVAL_MS, records what finished downloading, and installs at a later start after a
 * backup, never during a payment. Every decision is app/domain/updates.ts's; see [Note: updates
 * install at the next start]. The Electron wiring (electron/main/auto-update.ts) only adapts
 * electron-updater to the AppUpdater port.
 */
import {
  installDecision,
  pendingIsInstalled,
  updateCheckDecision,
  UPDATE_CHECK_INTERVAL_MS,
  type PendingUpdate,
  type UpdateSettings,
} from '../../domain/updates';
import type { Clock } from '../../ports/clock.port';
import type { Logger } from '../../ports/logger.port';
import type { Timers } from '../../ports/timers.port';
import type { AppUpdater, PendingUpdateStore, UpdateBackup } from '../../ports/updates.port';

/** What the controller reads and drives. */
export interface UpdateControllerDeps {
  updater: AppUpdater;
  pending: PendingUpdateStore;
  backup: UpdateBackup;
  /** The open store's update settings, read at every check (a change applies at the next one). */
  settings: () => UpdateSettings;
  /** Sales with a card payment in flight or unconfirmed (the store host knows). */
  salesWithPaymentInFlight: () => readonly number[];
  packaged: boolean;
  runningVersion: string;
  clock: Clock;
  timers: Timers;
  logger: Logger;
}

/** The self-update loop of one run of the app. */
export class UpdateController {
  private readonly startedAt: number;
  private readonly pendingAtStart: PendingUpdate | null;
  private checkRunning = false;
  private installing = false;
  private cancelNext: () => void = () => undefined;
  private stopped = false;

  constructor(private readonly deps: UpdateControllerDeps) {
    this.startedAt = deps.clock.now();
    const pending = deps.pending.read();
    if (pendingIsInstalled(pending, deps.runningVersion)) {
      deps.logger.info('update installed', { version: deps.runningVersion });
      deps.pending.clear();
      this.pendingAtStart = null;
    } else {
      this.pendingAtStart = pending;
    }
    deps.updater.onDownloaded((version) => void this.downloaded(version));
  }

  /** Checks now (the start-up check, which may install a pending update), then on a schedule. */
  start(): void {
    void this.checkThenSchedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancelNext();
  }

  private async checkThenSchedule(): Promise<void> {
    await this.checkNow();
    if (this.stopped) return;
    this.cancelNext = this.deps.timers.after(UPDATE_CHECK_INTERVAL_MS, () => void this.checkThenSchedule());
  }

  /** One check, when the settings allow it; a failure is logged and the next check tries again. */
  async checkNow(): Promise<void> {
    const decision = updateCheckDecision({
      packaged: this.deps.packaged,
      settings: this.deps.settings(),
      checkRunning: this.checkRunning,
    });
    if (!decision.check) {
      if (decision.reason !== 'not_packaged')
        this.deps.logger.info('update check skipped', { reason: decision.reason });
      return;
    }
    this.checkRunning = true;
    try {
      this.deps.updater.setFeedUrl(decision.feedUrl);
      await this.deps.updater.checkForUpdates();
    } catch (error) {
      // Offline, a 404, a bad yml or a failed sha512 check: nothing installs, the next check retries.
      this.deps.logger.warn('update check failed', { error });
    } finally {
      this.checkRunning = false;
    }
  }

  private async downloaded(version: string): Promise<void> {
    const decision = installDecision({
      settings: this.deps.settings(),
      downloaded: version,
      pendingAtStart: this.pendingAtStart,
      startedAt: this.startedAt,
      now: this.deps.clock.now(),
      salesWithPaymentInFlight: this.deps.salesWithPaymentInFlight(),
    });
    if (!decision.install) {
      // electron-updater reports the cached download again at every check: record it once.
      if (decision.reason === 'downloaded_this_run' && this.deps.pending.read()?.version !== version) {
        this.deps.pending.write({ version, downloadedAt: this.deps.clock.now() });
      }
      this.deps.logger.info('update waits for the next start', { version, reason: decision.reason });
      return;
    }
    if (this.installing) return;
    this.installing = true;
    const backup = await this.deps.backup.backupBeforeUpdate();
    // A payment could have started while the backup ran: look again right before quitting.
    const inFlight = this.deps.salesWithPaymentInFlight();
    if (!backup.ok || inFlight.length > 0) {
      this.installing = false;
      this.deps.logger.warn('update not installed', {
        version,
        reason: backup.ok ? 'payment_in_flight' : 'backup_failed',
        ...(backup.ok ? {} : { error: backup.error.message }),
      });
      return;
    }
    this.deps.logger.info('installing update', { version, backup: backup.value.file });
    this.deps.updater.quitAndInstall();
  }
}
