import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Path of a better_sqlite3.node built for another runtime. The Electron shell passes the
   * Electron-ABI build here, so tests keep the Node-ABI build in node_modules.
   */
  nativeBinding?: string | undefined;
}

/**
 * Opens (creating if needed) the store's database and migrates it to the latest schema.
 * WAL lets the UI read while a payment write commits; synchronous=FULL because every write here is
 * money or evidence about money, and a POS writes little enough that the fsync cost is invisible.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
