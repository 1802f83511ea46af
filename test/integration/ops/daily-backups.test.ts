/**
 * Issue 16, item 4: the store host takes a daily backup on the injected clock and timers — one at
 * start when there is none, the next once the newest is a day old — and a second folder gets a copy.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../../app/host/backups';
import { DAILY_CHECK_MS } from '../../../app/host/maintenance';
import { startStoreHost, type StoreHost } from '../../../app/host/store-host';
import { manualTime } from '../../support/manual-time';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

let host: StoreHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('daily backups', () => {
  it('are taken at start, then whenever the newest is a day old, and copied to the second folder', async () => {
    const dataDir = freshDataDir('caja-daily-');
    const time = manualTime(Date.UTC(2026, 11, 3, 9));
    host = await startStoreHost({
      dataDir,
      shell: 'web',
      logger: recordingLogger().logger,
      clock: time.clock,
      timers: time.timers,
    });
    const dir = host.maintenance.backupsDir();
    const dailies = () => listBackups(dir).filter((b) => b.kind === 'daily');
    await vi.waitFor(() => expect(dailies()).toHaveLength(1));

    const usb = join(freshDataDir('caja-usb-'), 'Respaldos');
    mkdirSync(usb);
    expect(host.maintenance.setSecondFolder(usb).ok).toBe(true);
    expect(host.maintenance.setSecondFolder('relative/path').ok).toBe(false);

    await vi.waitFor(() => expect(time.pending()).toBeGreaterThan(0));
    time.advance(23 * DAILY_CHECK_MS);
    await host.maintenance.idle();
    expect(dailies()).toHaveLength(1);
    time.advance(DAILY_CHECK_MS);
    await vi.waitFor(() => expect(dailies()).toHaveLength(2));
    await host.maintenance.idle();
    expect(readdirSync(usb)).toEqual([dailies()[0]?.name]);
  });
});
