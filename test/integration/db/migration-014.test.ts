import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../app/infra/db/migrate';
import { MIGRATIONS } from '../../../app/infra/db/migrations';
import { freshDataDir } from '../../support/web-shell';

const open: BetterSqlite3.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.open && db.close()));

const v14 = MIGRATIONS.findIndex((m) => m.version === 14);

describe('migration 014 (weighed and open-price lines)', () => {
  it('rebuilds sale_lines keeping every row, id and index, and adds the new rules', () => {
    const db = new BetterSqlite3(join(freshDataDir('caja-db-'), 'caja.sqlite'));
    open.push(db);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, v14));
    db.exec(`
      INSERT INTO products (id, sku, name, search_text, price_centavos, iva_rate_bp, category, created_at, updated_at)
        VALUES (1, 'A', 'Agua', 'agua', 1100, 1600, 'Bebidas', 0, 0);
      INSERT INTO sales (id, status, opened_at, updated_at) VALUES (1, 'open', 0, 0);
      INSERT INTO sale_lines (id, sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at,
                              discount_bp, department)
        VALUES (7, 1, 1, 'A', 'Agua', 1100, 1600, 3, 0, 500, 'Bebidas');
    `);
    const before = db.prepare(`SELECT * FROM sale_lines`).all();
    migrate(db, MIGRATIONS);
    expect(db.prepare(`SELECT * FROM sale_lines`).all()).toEqual([
      expect.objectContaining({
        ...(before[0] as object),
        quantity_milli: null,
        unit: 'pieza',
        open_price: 0,
      }),
    ]);
    const indexes = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sale_lines'`)
      .all();
    expect(indexes).toContainEqual({ name: 'sale_lines_by_sale' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // An open-price line has no product; any other line must have one; a weighed line is quantity 1.
    const insert = db.prepare(
      `INSERT INTO sale_lines (sale_id, product_id, sku, name, unit_price_centavos, iva_rate_bp, quantity, added_at,
                               open_price, quantity_milli)
       VALUES (1, ?, '', 'x', 100, 1600, ?, 0, ?, ?)`,
    );
    insert.run(null, 1, 1, null);
    expect(() => insert.run(null, 1, 0, null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 1, 1, null)).toThrow(/CHECK/);
    expect(() => insert.run(1, 2, 0, 755)).toThrow(/CHECK/);
    insert.run(1, 1, 0, 755);
    // The cascade from sales still holds after the rebuild.
    db.exec(`DELETE FROM sales WHERE id = 1`);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM sale_lines`).get()).toEqual({ n: 0 });
  });
});
