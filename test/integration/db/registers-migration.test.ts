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

describe('migration 018: registers', () => {
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
