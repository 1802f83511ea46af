/**
 * Issue 16, item 4: a backup taken from the office restores a known sale after the store lost it,
 * through the real store host and its dispatch (manager PIN, pre-restore backup, store reopened).
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CashResult } from '../../../app/api/contract';
import type { BackupView, MaintenanceOverview } from '../../../app/domain/office/maintenance';
import type { Receipt } from '../../../app/domain/receipt';
import { startStoreHost, type StoreHost } from '../../../app/host/store-host';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

let host: StoreHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function call<T>(h: StoreHost, channel: string, args: unknown = {}): Promise<T> {
  const reply = await h.core.dispatch(channel, args);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

async function start(dataDir: string): Promise<StoreHost> {
  host = await startStoreHost({ dataDir, shell: 'web', logger: recordingLogger().logger });
  return host;
}

describe('restore from the office', () => {
  it('brings back a sale the store had lost, after backing up the database it replaces', async () => {
    const dataDir = freshDataDir('caja-restore-');
    let h = await start(dataDir);
    await call(h, 'session.signIn', { userId: 2, pin: '9999' });
    await call(h, 'sales.cart.addProduct', { productId: 1 });
    const paid = await call<CashResult>(h, 'payments.cash.pay', { tendered: 100_000 });
    expect(paid.saleCompleted).toBe(true);
    const saleId = paid.payment.saleId;
    const backup = await call<BackupView>(h, 'office.maintenance.backups.create');
    expect(backup.kind).toBe('manual');

    // The disaster: the database is gone. A fresh demo opens in its place, without the sale.
    await h.close();
    host = undefined;
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `caja.sqlite${suffix}`), { force: true });
    h = await start(dataDir);
    expect((await h.core.dispatch('sales.receipt.get', { saleId })).ok).toBe(false);

    await call(h, 'session.signIn', { userId: 2, pin: '9999' });
    const overview = await call<MaintenanceOverview>(h, 'office.maintenance.get');
    expect(overview.backups.map((b) => b.name)).toContain(backup.name);
    // A wrong PIN restores nothing.
    const refused = await h.core.dispatch('office.maintenance.backups.restore', {
      name: backup.name,
      pin: '0000',
    });
    expect(refused.ok).toBe(false);

    const reopened = new Promise<void>((resolve) => {
      const stop = h.core.events.subscribe(({ event }) => {
        if (event === 'app.store.switched') {
          stop();
          resolve();
        }
      });
    });
    const restored = await call<{ restored: string; safetyBackup: string }>(
      h,
      'office.maintenance.backups.restore',
      {
        name: backup.name,
        pin: '9999',
      },
    );
    await reopened;
    expect(restored.restored).toBe(backup.name);
    expect(existsSync(join(overview.backupsDir, restored.safetyBackup))).toBe(true);
    const receipt = await call<Receipt>(h, 'sales.receipt.get', { saleId });
    expect(receipt.saleId).toBe(saleId);
    expect(receipt.totals.total).toBe(paid.payment.amount);
    // The reopened store starts with nobody signed in, like any start.
    expect((await h.core.dispatch('office.maintenance.get', {})).ok).toBe(false);
  });
});
