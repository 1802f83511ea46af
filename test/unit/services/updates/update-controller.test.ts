import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../../app/domain/result';
import {
  UPDATE_CHECK_INTERVAL_MS,
  type PendingUpdate,
  type UpdateSettings,
} from '../../../../app/domain/updates';
import type { AppUpdater, PendingUpdateStore } from '../../../../app/ports/updates.port';
import { UpdateController } from '../../../../app/services/updates/update-controller.service';
import { manualTime } from '../../../support/manual-time';
import { recordingLogger } from '../../../support/recording-logger';

/** electron-updater as the port, scripted: each check "downloads" `offers` (if set) at once. */
function fakeUpdater() {
  let listener: (version: string) => void = () => undefined;
  const state = {
    feedUrls: [] as string[],
    checks: 0,
    installs: 0,
    offers: null as string | null,
    offline: false,
  };
  const updater: AppUpdater = {
    setFeedUrl: (url) => void state.feedUrls.push(url),
    checkForUpdates: () => {
      state.checks += 1;
      // Offline, a 404, a sha512 mismatch: electron-updater rejects the check.
      if (state.offline) return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
      if (state.offers) listener(state.offers);
      return Promise.resolve();
    },
    onDownloaded: (l) => {
      listener = l;
    },
    quitAndInstall: () => void (state.installs += 1),
  };
  return { updater, state };
}

function memoryMarker(initial: PendingUpdate | null): PendingUpdateStore & { value: PendingUpdate | null } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(p) {
      this.value = p;
    },
    clear() {
      this.value = null;
    },
  };
}

function setup(options: {
  pending?: PendingUpdate | null;
  offers?: string | null;
  inFlight?: number[];
  backup?: Result<{ file: string }>;
  settings?: UpdateSettings;
  /** Runs while the backup is being taken. */
  duringBackup?: (inFlight: number[]) => void;
}) {
  const time = manualTime();
  const { updater, state } = fakeUpdater();
  state.offers = options.offers ?? null;
  const marker = memoryMarker(options.pending ?? null);
  const backups: string[] = [];
  const inFlight = options.inFlight ?? [];
  const { logger, entries } = recordingLogger();
  const controller = new UpdateController({
    updater,
    pending: marker,
    backup: {
      backupBeforeUpdate: () => {
        backups.push('taken');
        options.duringBackup?.(inFlight);
        return Promise.resolve(options.backup ?? ok({ file: '/data/backups/pre-update.sqlite' }));
      },
    },
    settings: () => options.settings ?? { enabled: true, feedUrl: 'https://updates.example.mx/caja/' },
    salesWithPaymentInFlight: () => inFlight,
    packaged: true,
    runningVersion: '0.1.0',
    clock: time.clock,
    timers: time.timers,
    logger,
  });
  return { controller, state, marker, backups, time, entries };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the update controller', () => {
  it('records an update downloaded in this run and does not install it', async () => {
    const { controller, state, marker, backups } = setup({ offers: '0.2.0' });
    controller.start();
    await flush();
    expect(state.feedUrls).toEqual(['https://updates.example.mx/caja/']);
    expect(marker.value).toMatchObject({ version: '0.2.0' });
    expect(backups).toEqual([]);
    expect(state.installs).toBe(0);
  });

  it('installs at the next start after a backup', async () => {
    const { controller, state, backups } = setup({
      pending: { version: '0.2.0', downloadedAt: 1 },
      offers: '0.2.0',
    });
    controller.start();
    await flush();
    expect(backups).toEqual(['taken']);
    expect(state.installs).toBe(1);
  });

  it('does not install without a backup, and keeps the update pending', async () => {
    const { controller, state, marker } = setup({
      pending: { version: '0.2.0', downloadedAt: 1 },
      offers: '0.2.0',
      backup: fail('unavailable', 'no backup service'),
    });
    controller.start();
    await flush();
    expect(state.installs).toBe(0);
    expect(marker.value).toMatchObject({ version: '0.2.0' });
  });

  it('does not install while a card payment is in flight (checked before and after the backup)', async () => {
    const before = setup({ pending: { version: '0.2.0', downloadedAt: 1 }, offers: '0.2.0', inFlight: [7] });
    before.controller.start();
    await flush();
    expect([before.state.installs, before.backups.length]).toEqual([0, 0]);

    // A payment that starts while the backup runs still stops the install.
    const during = setup({
      pending: { version: '0.2.0', downloadedAt: 1 },
      offers: '0.2.0',
      duringBackup: (inFlight) => inFlight.push(9),
    });
    during.controller.start();
    await flush();
    expect([during.state.installs, during.backups.length]).toEqual([0, 1]);
  });

  it('checks again every interval, and an update found later waits for the next start', async () => {
    const { controller, state, marker, time } = setup({});
    controller.start();
    await flush();
    expect(state.checks).toBe(1);
    state.offers = '0.3.0';
    time.advance(UPDATE_CHECK_INTERVAL_MS);
    await flush();
    expect(state.checks).toBe(2);
    expect(marker.value).toMatchObject({ version: '0.3.0' });
    expect(state.installs).toBe(0);
    controller.stop();
    time.advance(UPDATE_CHECK_INTERVAL_MS * 3);
    await flush();
    expect(state.checks).toBe(2);
  });

  it('does nothing while updates are off, and clears the marker of the version now running', async () => {
    const off = setup({ settings: { enabled: false, feedUrl: '' }, offers: '0.2.0' });
    off.controller.start();
    await flush();
    expect([off.state.checks, off.state.feedUrls.length]).toEqual([0, 0]);

    const installed = setup({ pending: { version: '0.1.0', downloadedAt: 1 } });
    expect(installed.marker.value).toBeNull();
  });

  it('logs a failed check and keeps checking on schedule', async () => {
    const { controller, state, time, entries } = setup({});
    state.offline = true;
    controller.start();
    await flush();
    time.advance(UPDATE_CHECK_INTERVAL_MS);
    await flush();
    expect(state.checks).toBe(2);
    expect(entries.filter((e) => e.message === 'update check failed')).toHaveLength(2);
    controller.stop();
  });
});
