import { join } from 'node:path';
import { openDatabase } from '../../app/infra/db/open-database';

/** A value that must never appear in anything the API returns. */
export const PLANTED_SECRET = 'planted-secret-4f1c9e7a2b6d8053';

/**
 * Writes secret rows into a data directory's database before the app starts, as the Kushki key and
 * relay token will be stored, so a test can prove no call returns them.
 */
export function plantSecrets(dataDir: string): void {
  const db = openDatabase(join(dataDir, 'caja.sqlite'));
  const insert = db.prepare(`INSERT INTO settings (key, value, secret, updated_at) VALUES (?, ?, 1, 0)`);
  insert.run('kushki.apiKey', PLANTED_SECRET);
  insert.run('relay.streamToken', `${PLANTED_SECRET}-relay`);
  // A public row with a secret's key must not shadow it either.
  insert.run('store.name', `${PLANTED_SECRET}-name`);
  db.close();
}
