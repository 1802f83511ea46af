import type { Database } from 'better-sqlite3';
import type { SecretStore } from '../../ports/settings.port';

/**
 * Secret rows of the settings table (secret = 1). Only trusted infra reads them; the API offers no
 * channel that returns one (see test/e2e/security.spec.ts). Issue 7 moves the Kushki key of the
 * desktop app to Electron's safeStorage; the demo store's relay credentials live here.
 */
export class SqliteSecretSettings implements SecretStore {
  private readonly getStmt;
  private readonly setStmt;
  private readonly clearStmt;

  constructor(db: Database) {
    this.getStmt = db.prepare<[string], { value: string }>(
      `SELECT value FROM settings WHERE key = ? AND secret = 1`,
    );
    this.setStmt = db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, secret, updated_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, secret = 1, updated_at = excluded.updated_at`,
    );
    this.clearStmt = db.prepare<[string]>(`DELETE FROM settings WHERE key = ? AND secret = 1`);
  }

  set(name: string, value: string): void {
    this.setStmt.run(name, value, Date.now());
  }

  clear(name: string): void {
    this.clearStmt.run(name);
  }

  status(name: string): { configured: boolean; last4?: string } {
    const value = this.read(name);
    return value ? { configured: true, last4: value.slice(-4) } : { configured: false };
  }

  read(name: string): string | undefined {
    return this.getStmt.get(name)?.value;
  }
}
