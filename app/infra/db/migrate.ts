import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration';

/** Thrown when the database was written by a newer Caja: opening it could corrupt what it holds. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`Database schema version ${found} is newer than this Caja supports (${supported}). Update Caja.`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Thrown when a migration fails: the transaction rolled back, so the database is exactly as it was
 * (and the host took a pre-migration backup before trying: app/host/backups.ts).
 */
export class MigrationFailedError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    readonly from: number,
    override readonly cause: unknown,
  ) {
    super(
      `Migration ${version} (${migrationName}) failed; the database stays at version ${from}: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MigrationFailedError';
  }
}

/**
 * Brings the schema to the latest version: reads `PRAGMA user_version`, applies every pending
 * migration and the new version in ONE transaction (all or nothing), and refuses a newer database.
 * Returns the versions applied.
 */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      try {
        m.up(db);
      } catch (error) {
        throw new MigrationFailedError(m.version, m.name, current, error);
      }
    }
    // PRAGMA cannot take a bound parameter; the value is our own integer.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return pending.map((m) => m.version);
}
