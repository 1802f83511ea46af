import BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../../app/infra/db/migrate';
import { MIGRATIONS } from '../../../app/infra/db/migrations';
import { openDatabase } from '../../../app/infra/db/open-database';
import { freshDataDir } from '../../support/web-shell';

// The newest schema version: the runner wants versions 1..n in order, so it is the count.
const LATEST = MIGRATIONS.length;
const open: BetterSqlite3.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.open && db.close()));

function dbFile(): string {
  return join(freshDataDir('caja-db-'), 'caja.sqlite');
}

function track(db: BetterSqlite3.Database) {
  open.push(db);
  return db;
}

describe('migrations', () => {
  it('take an empty file to the latest schema with WAL and foreign keys on', () => {
    const db = track(openDatabase(dbFile()));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db
      .prepare(
        // Ordinary tables only: the FTS5 search index (011) is a virtual table over shadow tables.
        `SELECT name, strict FROM pragma_table_list
          WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'audit_log',
        'payment_events',
        'payments',
        'products',
        'sale_lines',
        'sales',
        'settings',
        'users',
        'shifts',
        'cash_movements',
        'refunds',
        'webhook_reviews',
        'pin_attempts',
        'unmatched_webhook_overflow',
        'product_barcodes',
        'stock_movements',
        'product_sales_by_hour',
        'returns',
        'return_lines',
        'registers',
      ].sort(),
    );
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    const virtual = db.prepare(`SELECT name FROM pragma_table_list WHERE type = 'virtual'`).all();
    expect(virtual.map((t) => (t as { name: string }).name).sort()).toEqual([
      'product_codes_fts',
      'products_fts',
    ]);
  });

  it('are idempotent: reopening applies nothing', () => {
    const file = dbFile();
    track(openDatabase(file)).close();
    const db = track(new BetterSqlite3(file));
    expect(migrate(db, MIGRATIONS)).toEqual([]);
  });

  it('refuse a database written by a newer version and leave it untouched', () => {
    const file = dbFile();
    track(openDatabase(file)).close();
    const raw = track(new BetterSqlite3(file));
    raw.pragma(`user_version = ${LATEST + 5}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('apply all pending versions in one transaction: a failing one rolls back the others', () => {
    const db = track(new BetterSqlite3(dbFile()));
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST + 1,
        name: 'broken',
        up: (d: BetterSqlite3.Database) =>
          d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM missing_table;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const count = db.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as {
      n: number;
    };
    expect(count.n).toBe(0);
  });

  it('refuse a version list with a gap or out of order, touching nothing', () => {
    // A gap would let a database pass the missing version and never run it once it ships.
    const noop = (version: number) => ({ version, name: `v${version}`, up: () => undefined });
    const db = track(new BetterSqlite3(dbFile()));
    expect(() => migrate(db, [noop(1), noop(3), noop(2)])).toThrow(/out of order at v3/);
    expect(() => migrate(db, [noop(1), noop(1)])).toThrow(/out of order/);
    expect(() => migrate(db, [noop(1), noop(3)])).toThrow(/out of order at v3/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(db, [noop(1), noop(2)])).toEqual([1, 2]);
  });

  it('make the audit log append-only', () => {
    const db = track(openDatabase(dbFile()));
    db.prepare(`INSERT INTO audit_log (at, action) VALUES (1, 'test.action')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'tampered'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(db.prepare(`SELECT action FROM audit_log`).all()).toEqual([{ action: 'test.action' }]);
  });

  it('make the payment events ledger append-only (payments-lessons rule 4)', () => {
    const db = track(openDatabase(dbFile()));
    db.prepare(
      `INSERT INTO payment_events (unique_reference, kind, source, detail, at) VALUES ('ref-1', 'webhook', 'relay', 'x', 1)`,
    ).run();
    expect(() => db.prepare(`UPDATE payment_events SET detail = 'tampered'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM payment_events`).run()).toThrow(/append-only/);
    expect(db.prepare(`SELECT detail FROM payment_events`).all()).toEqual([{ detail: 'x' }]);
  });

  it('store money as integers only (STRICT) and refuse negative prices', () => {
    const db = track(openDatabase(dbFile()));
    const insert = db.prepare(
      `INSERT INTO products (sku, name, search_text, price_centavos, iva_rate_bp, category, created_at, updated_at)
       VALUES ('X-1', 'x', 'x', ?, 1600, 'c', 0, 0)`,
    );
    expect(() => insert.run(12.5)).toThrow(/cannot store REAL value in INTEGER column/i);
    expect(() => insert.run(-100)).toThrow(/CHECK constraint/);
    expect(() => insert.run('100 pesos')).toThrow();
  });

  it('007 marks card fields stored before it as unverified, and accepts only known verdicts', () => {
    const db = track(new BetterSqlite3(dbFile()));
    migrate(db, MIGRATIONS.slice(0, 6));
    db.prepare(`INSERT INTO sales (id, status, opened_at, updated_at) VALUES (1, 'completed', 0, 0)`).run();
    const payment = db.prepare(
      `INSERT INTO payments (sale_id, method, status, amount_centavos, unique_reference, card_brand, card_last4,
         created_at, updated_at)
       VALUES (1, ?, 'approved', 100, ?, ?, ?, 0, 0)`,
    );
    payment.run('card', 'ref-1', 'VISA', '4242');
    payment.run('cash', null, null, null);
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT method, card_signature FROM payments ORDER BY id`).all()).toEqual([
      { method: 'card', card_signature: 'unverified' },
      { method: 'cash', card_signature: null },
    ]);
    expect(() => db.prepare(`UPDATE payments SET card_signature = 'trust me'`).run()).toThrow(/CHECK/);
    const event = db.prepare(
      `INSERT INTO payment_events (payment_id, kind, source, bp_signature, at) VALUES (1, 'webhook', 'relay', ?, 0)`,
    );
    expect(() => event.run('signed')).toThrow(/CHECK/);
    event.run('verified');
  });

  it('keep at most one open sale', () => {
    const db = track(openDatabase(dbFile()));
    const insert = db.prepare(`INSERT INTO sales (status, opened_at, updated_at) VALUES ('open', 0, 0)`);
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
