import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../app/infra/db/open-database';
import { SqliteRegistersRepo } from '../../../app/infra/db/registers.repo';
import { freshDataDir } from '../../support/web-shell';

const open: BetterSqlite3.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.open && db.close()));

function fresh(): BetterSqlite3.Database {
  const db = openDatabase(join(freshDataDir('caja-db-'), 'caja.sqlite'));
  open.push(db);
  return db;
}

describe('migration 016: registers', () => {
  it('keeps a 32-byte credential hash, never deletes a register and never un-revokes one', () => {
    const db = fresh();
    const repo = new SqliteRegistersRepo(db);
    const paired = repo.insert({ name: 'Caja 2', credentialHash: Buffer.alloc(32, 7), pairedAt: 1 });
    expect(repo.get(paired.id)).toMatchObject({
      name: 'Caja 2',
      pairedAt: 1,
      revokedAt: null,
      lastSeen: null,
    });

    expect(() => repo.insert({ name: 'corto', credentialHash: Buffer.alloc(16), pairedAt: 1 })).toThrow(
      /CHECK/,
    );
    expect(() => repo.insert({ name: '', credentialHash: Buffer.alloc(32), pairedAt: 1 })).toThrow(/CHECK/);

    repo.revoke(paired.id, 5);
    repo.revoke(paired.id, 9);
    expect(repo.get(paired.id)?.revokedAt).toBe(5);
    expect(() => db.prepare(`UPDATE registers SET revoked_at = NULL`).run()).toThrow(/stays revoked/);
    expect(() => db.prepare(`DELETE FROM registers`).run()).toThrow(/never deleted/);
  });
});

describe('migration 017: the register on the book', () => {
  it('makes the server register 0 and lets each register hold one open sale and one open shift', () => {
    const db = fresh();
    expect(db.prepare(`SELECT id, name FROM registers WHERE id = 0`).get()).toEqual({
      id: 0,
      name: 'Caja principal',
    });
    db.prepare(`INSERT INTO registers (id, name, credential_hash, paired_at) VALUES (2, 'Caja 2', ?, 1)`).run(
      Buffer.alloc(32, 1),
    );
    const openSale = db.prepare(
      `INSERT INTO sales (status, opened_at, updated_at, register_id) VALUES ('open', 1, 1, ?)`,
    );
    openSale.run(0);
    openSale.run(2);
    expect(() => openSale.run(2)).toThrow(/UNIQUE/);

    const user = db
      .prepare(`INSERT INTO users (name, role, pin_hash, created_at) VALUES ('Ana', 'manager', 'x', 1)`)
      .run();
    const openShift = db.prepare(
      `INSERT INTO shifts (register_id, opened_by, opened_at, opening_float_centavos) VALUES (?, ?, 1, 0)`,
    );
    openShift.run(0, user.lastInsertRowid);
    openShift.run(2, user.lastInsertRowid);
    expect(() => openShift.run(2, user.lastInsertRowid)).toThrow(/UNIQUE/);
  });

  it("copies a payment's register from its sale, whatever the insert said", () => {
    const db = fresh();
    const sale = db
      .prepare(`INSERT INTO sales (status, opened_at, updated_at, register_id) VALUES ('open', 1, 1, 3)`)
      .run();
    const inserted = db
      .prepare(
        `INSERT INTO payments (sale_id, method, status, amount_centavos, created_at, updated_at, register_id)
         VALUES (?, 'cash', 'approved', 100, 1, 1, 0)`,
      )
      .run(sale.lastInsertRowid);
    expect(db.prepare(`SELECT register_id FROM payments WHERE id = ?`).get(inserted.lastInsertRowid)).toEqual(
      {
        register_id: 3,
      },
    );
  });
});
