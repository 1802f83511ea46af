import BetterSqlite3, { type Database } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
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
  makePrivate(file);
  const db = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    // SQLite gives new -wal/-shm files the database's mode; ones left by an older run keep theirs.
    makePrivate(file);
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

/**
 * The database and its -wal and -shm files are 0600: sales, PIN hashes and the audit log are for
 * this user only. Created empty with 0600 (an empty file is an empty SQLite database), and tightened
 * when they existed looser. POSIX only; on Windows the data folder's ACL protects them.
 */
function makePrivate(file: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600);
  }
}
