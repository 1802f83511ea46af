/**
 * A web shell over a data dir pre-seeded with a few busy days ending today (Mexico City), for the
 * transactions spec: the seeder runs before the shell starts, then the shell opens the same store.
 */
import { test as base } from '@playwright/test';
import { storeDayOf } from '../../../app/domain/office/store-day';
import { seedHistory, type SeededPayment } from '../../support/history-seed';
import { freshDataDir, startWebShell, type RunningShell } from '../../support/web-shell';

/** A shell and what was seeded into it. */
export interface SeededShell {
  shell: RunningShell;
  today: string;
  firstDay: string;
  rows: SeededPayment[];
  /** The two cashiers who took the payments: Ana López, then Marta Ruiz. */
  cashierIds: number[];
}

/** Every test gets a shell over its own seeded data directory. */
export const test = base.extend<{ seeded: SeededShell }>({
  // Playwright requires an object pattern for a fixture with no dependencies.
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const dataDir = freshDataDir('caja-e2e-tx-');
    const today = storeDayOf(Date.now(), 'America/Mexico_City');
    const summary = seedHistory(dataDir, {
      lastDay: today,
      days: 3,
      paymentsPerDay: 120,
      seed: 11,
      collect: true,
    });
    const shell = await startWebShell({ dataDir });
    await use({
      shell,
      today,
      firstDay: summary.firstDay,
      rows: summary.rows,
      cashierIds: summary.cashierIds,
    });
    await shell.stop();
  },
});
