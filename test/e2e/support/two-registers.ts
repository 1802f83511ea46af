/**
 * A web shell over a data dir pre-seeded with a busy day ending today (Mexico City) on two
 * registers (issue 17): the history seeder writes register 0's sales, then every third sale (and its
 * payments) is moved to a paired register 2, "Caja del pasillo", before the shell starts.
 */
import { test as base } from '@playwright/test';
import { databaseFileIn } from '../../../app/host/create-core';
import { openDatabase } from '../../../app/infra/db/open-database';
import { storeDayOf } from '../../../app/domain/office/store-day';
import { seedHistory, type SeededPayment } from '../../support/history-seed';
import { freshDataDir, startWebShell, type RunningShell } from '../../support/web-shell';

/** The paired register the seed moves sales to. */
export const AISLE = { id: 2, name: 'Caja del pasillo' } as const;

/** A seeded payment and the register its sale ended on. */
export type RegisterPayment = SeededPayment & { registerId: number };

/** A shell and what was seeded into it. */
export interface TwoRegisterShell {
  shell: RunningShell;
  today: string;
  rows: RegisterPayment[];
}

/** Moves every third sale to register 2; payments follow their sale (migration 017's rule). */
function moveToAisle(dataDir: string): void {
  const db = openDatabase(databaseFileIn(dataDir));
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO registers (id, name, credential_hash, paired_at) VALUES (?, ?, randomblob(32), 0)`,
      ).run(AISLE.id, AISLE.name);
      db.prepare(`UPDATE sales SET register_id = ? WHERE id % 3 = 0`).run(AISLE.id);
      db.exec(
        `UPDATE payments SET register_id = (SELECT s.register_id FROM sales s WHERE s.id = payments.sale_id)`,
      );
    })();
  } finally {
    db.close();
  }
}

/** Every test gets a shell over its own seeded data directory. */
export const test = base.extend<{ seeded: TwoRegisterShell }>({
  // Playwright requires an object pattern for a fixture with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const dataDir = freshDataDir('caja-e2e-registers-');
    const today = storeDayOf(Date.now(), 'America/Mexico_City');
    const summary = seedHistory(dataDir, {
      lastDay: today,
      days: 1,
      paymentsPerDay: 90,
      seed: 23,
      collect: true,
    });
    moveToAisle(dataDir);
    const rows = summary.rows.map((p) => ({ ...p, registerId: p.saleId % 3 === 0 ? AISLE.id : 0 }));
    const shell = await startWebShell({ dataDir });
    await use({ shell, today, rows });
    await shell.stop();
  },
});
