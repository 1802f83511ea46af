/**
 * Issue 16, item 5: a database written by each earlier schema version, with sales, payments,
 * refunds and shifts in it, migrates to the latest and keeps every row and total; a failing
 * migration leaves the previous database intact, and its pre-migration backup restores it.
 * The versions come from MIGRATIONS: a new migration is covered the day it is listed.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupBeforeMigration, listBackups, replaceDatabaseWith } from '../../../app/host/backups';
import { createCore } from '../../../app/host/create-core';
import { migrate, MigrationFailedError } from '../../../app/infra/db/migrate';
import { MIGRATIONS } from '../../../app/infra/db/migrations';
import { openDatabase } from '../../../app/infra/db/open-database';
import type { Receipt } from '../../../app/domain/receipt';
import { recordingLogger } from '../../support/recording-logger';
import { fixtureFigures, LATEST_VERSION, writeUpgradeFixture } from '../../support/upgrade-fixture';
import { freshDataDir } from '../../support/web-shell';

const EARLIER = Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1);

function figuresOf(file: string, version: number) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return fixtureFigures(db, version);
  } finally {
    db.close();
  }
}

describe.each(EARLIER)('a database written by schema version %i', (version) => {
  it('migrates to the latest keeping every row and total, and the upgraded store reads it', async () => {
    const dataDir = freshDataDir(`caja-upgrade-${version}-`);
    const file = join(dataDir, 'caja.sqlite');
    writeUpgradeFixture(file, version);
    const before = figuresOf(file, version);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    // The host's order: a pre-migration backup, then the migrations.
    const backup = await backupBeforeMigration({
      databaseFile: file,
      dir: join(dataDir, 'backups', 'root'),
      now: Date.UTC(2026, 11, 3),
      logger: recordingLogger().logger,
    });
    expect(backup?.kind).toBe('pre-migration');
    openDatabase(file).close();

    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(after.pragma('foreign_key_check')).toEqual([]);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
    expect(figuresOf(file, version)).toEqual(before);
    // The backup is the database as that version left it.
    expect(figuresOf(join(dataDir, 'backups', 'root', backup?.name ?? ''), version)).toEqual(before);

    // The core opens the upgraded file (no demo seed over real data) and reads an old sale.
    const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger, storeKind: 'real' });
    try {
      const receipt = await core.dispatch('sales.receipt.get', { saleId: 1 });
      expect(receipt.ok).toBe(true);
      expect((receipt as { value: Receipt }).value.totals.total).toBe(3600);
    } finally {
      core.close();
    }
  });
});

describe('a failing migration', () => {
  it('leaves the previous database intact, and the pre-migration backup restores it', async () => {
    const dataDir = freshDataDir('caja-upgrade-fail-');
    const file = join(dataDir, 'caja.sqlite');
    const from = LATEST_VERSION - 1;
    writeUpgradeFixture(file, from);
    const before = figuresOf(file, from);
    const dir = join(dataDir, 'backups', 'root');
    const backup = await backupBeforeMigration({
      databaseFile: file,
      dir,
      now: Date.UTC(2026, 11, 3),
      logger: recordingLogger().logger,
    });
    expect(listBackups(dir).map((b) => b.name)).toEqual([backup?.name]);

    // The latest migration runs, then a broken one after it: the runner's one transaction rolls both back.
    const broken = {
      version: LATEST_VERSION + 1,
      name: 'broken on purpose',
      up: (db: BetterSqlite3.Database) => {
        db.exec('DELETE FROM sale_lines');
        db.exec('ALTER TABLE no_such_table ADD COLUMN x INTEGER');
      },
    };
    const db = new BetterSqlite3(file);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(MigrationFailedError);
    expect(db.pragma('user_version', { simple: true })).toBe(from);
    db.close();
    expect(figuresOf(file, from)).toEqual(before);

    // Whatever happens to the file next (here: a botched manual repair), the backup puts it back.
    const damaged = new BetterSqlite3(file);
    damaged.exec('DELETE FROM sale_lines');
    damaged.close();
    replaceDatabaseWith(join(dir, backup?.name ?? ''), file);
    expect(figuresOf(file, from)).toEqual(before);
  });
});
