/**
 * A store's backups on disk (issue 16, item 4): `<data-dir>/backups/<store>/`, where `<store>` is
 * `root` for the store in the data directory itself and `real` / `demo` for the ones under `stores/`.
 * Taking one, listing, rotating, copying to the optional second folder, and swapping a restored
 * copy into place. See [Note: backups are renamed into place] in infra/db/backup/sqlite-backup.ts.
 */
import BetterSqlite3 from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import {
  backupFileName,
  backupsToDelete,
  parseBackupFileName,
  type BackupKind,
} from '../domain/office/backup-rotation';
import type { BackupView } from '../domain/office/maintenance';
import {
  backupDatabase,
  PARTIAL_SUFFIX,
  schemaVersionOf,
  verifyIntegrity,
} from '../infra/db/backup/sqlite-backup';
import { MIGRATIONS } from '../infra/db/migrations';
import type { Logger } from '../ports/logger.port';

/** The backups folder of one store directory. */
export function backupsDirFor(dataDir: string, storeDir: string): string {
  const rel = relative(dataDir, storeDir);
  return join(dataDir, 'backups', rel === '' ? 'root' : basename(rel));
}

/** Finished backups in `dir`, newest first (a `.partial` is never listed). */
export function listBackups(dir: string): BackupView[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map(parseBackupFileName)
    .filter((entry) => entry !== null)
    .map((entry) => ({ ...entry, bytes: statSync(join(dir, entry.name)).size }))
    .sort((a, b) => b.takenAt - a.takenAt);
}

/** What one backup needs. */
export interface TakeBackupOptions {
  databaseFile: string;
  dir: string;
  kind: BackupKind;
  now: number;
  /** A second folder every backup is copied to ('' or undefined: none). */
  secondFolder?: string | undefined;
  nativeBinding?: string | undefined;
  logger: Logger;
  pagesPerStep?: number;
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
}

/**
 * Takes a verified backup of the database file through its own connection (the store's connection
 * keeps serving; WAL gives the copy a consistent snapshot), rotates, and copies it to the second
 * folder. A failure to reach the second folder is logged and reported, never a failed backup.
 */
export async function takeBackup(
  options: TakeBackupOptions,
): Promise<BackupView & { secondFolderError?: string }> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  removePartials(options.dir);
  const name = backupFileName(options.kind, options.now);
  const target = join(options.dir, name);
  const source = new BetterSqlite3(options.databaseFile, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    await backupDatabase(source, target, {
      nativeBinding: options.nativeBinding,
      pagesPerStep: options.pagesPerStep,
      onProgress: options.onProgress,
    });
  } finally {
    source.close();
  }
  rotate(options.dir);
  const view: BackupView & { secondFolderError?: string } = {
    name,
    kind: options.kind,
    takenAt: options.now,
    bytes: statSync(target).size,
  };
  if (options.secondFolder) {
    try {
      copyVerified(target, join(options.secondFolder, name), options.nativeBinding);
      rotate(options.secondFolder);
    } catch (error) {
      options.logger.warn('backup not copied to the second folder', { folder: options.secondFolder, error });
      view.secondFolderError = (error as Error).message;
    }
  }
  options.logger.info('backup taken', { kind: options.kind, name, bytes: view.bytes });
  return view;
}

/**
 * Before the migrations run on an existing database that needs them, a pre-migration backup, so a
 * failing migration leaves a restorable copy of what was there (item 5). Nothing for a new or
 * up-to-date database, nor for one newer than this Caja (the migration runner refuses it untouched).
 */
export async function backupBeforeMigration(
  options: Omit<TakeBackupOptions, 'kind'>,
): Promise<BackupView | null> {
  if (!existsSync(options.databaseFile) || statSync(options.databaseFile).size === 0) return null;
  const version = schemaVersionOf(options.databaseFile, options.nativeBinding);
  if (version === 0 || version >= MIGRATIONS.length) return null;
  return takeBackup({ ...options, kind: 'pre-migration' });
}

/**
 * Puts a verified backup in place of a CLOSED store database: the copy is checked, written beside
 * the database as `.restoring`, fsynced, the old -wal and -shm removed (they belong to the old file),
 * and renamed over it. A crash before the rename leaves the old database; after it, the new one.
 */
export function replaceDatabaseWith(backupFile: string, databaseFile: string, nativeBinding?: string): void {
  verifyIntegrity(backupFile, nativeBinding);
  const staging = `${databaseFile}.restoring`;
  copyFileSync(backupFile, staging);
  fsyncPath(staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
  renameSync(staging, databaseFile);
}

function copyVerified(from: string, to: string, nativeBinding?: string): void {
  const partial = `${to}${PARTIAL_SUFFIX}`;
  copyFileSync(from, partial);
  try {
    verifyIntegrity(partial, nativeBinding);
    fsyncPath(partial);
    renameSync(partial, to);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function rotate(dir: string): void {
  const entries = readdirSync(dir)
    .map(parseBackupFileName)
    .filter((entry) => entry !== null);
  for (const name of backupsToDelete(entries)) rmSync(join(dir, name), { force: true });
}

// What a killed backup left (see [Note: backups are renamed into place]).
function removePartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    // The copy itself and any -journal, -wal or -shm SQLite left beside it.
    if (name.includes(PARTIAL_SUFFIX)) rmSync(join(dir, name), { force: true });
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
