import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SAFETY_NET_PAGES, startIdleCheckpointer } from '../../../app/infra/db/idle-checkpointer';
import { openDatabase } from '../../../app/infra/db/open-database';
import { SqliteCatalogRepo } from '../../../app/infra/db/catalog.repo';
import { SqliteSalesRepo } from '../../../app/infra/db/sales.repo';
import { seedDemoIfEmpty } from '../../../app/infra/seed/seed-demo';
import { freshDataDir } from '../../support/web-shell';

function openSeeded() {
  const db = openDatabase(join(freshDataDir(), 'caja.sqlite'));
  seedDemoIfEmpty(db, 1_000);
  return db;
}

describe('the cart write path on a real database', () => {
  it('gives every change of a sale a larger updatedAt, even within one millisecond', () => {
    const db = openSeeded();
    const sales = new SqliteSalesRepo(db);
    const catalog = new SqliteCatalogRepo(db);
    const now = 5_000;
    const saleId = sales.openSaleId(now);
    const product = catalog.findById(1)!;
    const first = sales.addProduct(saleId, product, 1, now);
    const second = sales.addProduct(saleId, product, 1, now);
    const third = sales.setQuantity(saleId, second.lines[0]!.id, 5, now)!;
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
    expect(third.updatedAt).toBeGreaterThan(second.updatedAt);
    expect(third.lines[0]?.quantity).toBe(5);
    db.close();
  });

  it('checkpoints only once the database has been quiet for a whole interval', () => {
    const db = openSeeded();
    // The timer is left out of it (an hour): the test makes each interval's look itself.
    const checkpointer = startIdleCheckpointer(db, { intervalMs: 3_600_000 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_PAGES);
    const sales = new SqliteSalesRepo(db);
    const product = new SqliteCatalogRepo(db).findById(1)!;
    const saleId = sales.openSaleId(1);
    // Busy: a write in every interval leaves no quiet one.
    for (let i = 0; i < 30; i++) {
      sales.addProduct(saleId, product, 1, 10 + i);
      checkpointer.tick();
    }
    expect(checkpointer.checkpoints()).toBe(0);
    // One whole interval with no write: the checkpoint runs and moves every WAL frame.
    checkpointer.tick();
    expect(checkpointer.checkpoints()).toBe(1);
    const result = checkpointer.lastResult();
    expect(result?.log).toBeGreaterThan(0);
    expect(result?.checkpointed).toBe(result?.log);
    // Quiet and already checkpointed: nothing more to do.
    checkpointer.tick();
    expect(checkpointer.checkpoints()).toBe(1);
    // A write, then quiet again: one more.
    sales.addProduct(saleId, product, 1, 100);
    checkpointer.tick();
    checkpointer.tick();
    expect(checkpointer.checkpoints()).toBe(2);
    checkpointer.stop();
    db.close();
  });
});
