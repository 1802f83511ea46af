import type { Database } from 'better-sqlite3';
import type { SettingsRepo } from '../../ports/settings.port';

/**
 * Settings table access for public rows. A secret row is invisible here: `getPublic` filters on
 * `secret = 0`, and `setPublic` refuses to overwrite a secret row with a public one.
 */
export class SqliteSettingsRepo implements SettingsRepo {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Database) {
    this.getStmt = db.prepare<[string], { value: string }>(
      `SELECT value FROM settings WHERE key = ? AND secret = 0`,
    );
    this.setStmt = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, secret, updated_at) VALUES (?, ?, 0, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
       WHERE settings.secret = 0`,
    );
  }

  getPublic(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  setPublic(key: string, value: string, now: number): void {
    this.setStmt.run(key, value, now);
  }
}
