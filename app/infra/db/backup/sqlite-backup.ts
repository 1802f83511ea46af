/**
 * Online backups of a store's database (issue 16, item 4), with SQLite's backup API
 * (better-sqlite3's `db.backup()`), which copies a consistent snapshot page by page while the store
 * keeps selling. [Note: backups are renamed into place]
 * A backup is written to `<name>.partial` beside its final name, verified with
 * `PRAGMA integrity_check` on that copy, fsynced, and only then renamed to its final name. A crash or
 * kill -9 mid-backup leaves at most a `.partial`, which no listing shows and the next backup removes:
 * the newest finished backup is always a complete, checked database.
 */
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** The suffix of a backup being written. */
export const PARTIAL_SUFFIX = '.partial';

/** A backup copy that failed its integrity check. */
export class BackupCorruptError extends Error {
  constructor(file: string, detail: string) {
    super(`La copia ${file} no pasó la revisión de integridad: ${detail}`);
    this.name = 'BackupCorruptError';
  }
}

/** Options of one backup. */
export interface BackupOptions {
  nativeBinding?: string | undefined;
  /** Pages copied per step (SQLite's default 100); between steps the event loop runs. */
  pagesPerStep?: number;
  /** Called after each step (tests use it to know a backup is under way). */
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
}

/** Copies `db` to `target` through a verified `.partial`; returns the page count copied. */
export async function backupDatabase(
  db: Database,
  target: string,
  options: BackupOptions = {},
): Promise<number> {
  const partial = `${target}${PARTIAL_SUFFIX}`;
  rmSync(partial, { force: true });
  try {
    const result = await db.backup(partial, {
      progress: (progress) => {
        options.onProgress?.(progress);
        return options.pagesPerStep ?? 100;
      },
    });
    makeSelfContained(partial, options.nativeBinding);
    verifyIntegrity(partial, options.nativeBinding);
    fsyncFile(partial);
    renameSync(partial, target);
    fsyncFile(dirname(target));
    return result.totalPages;
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
}

/**
 * The copy inherits the store's WAL mode; switched to a rollback journal it is one file, with no
 * -wal/-shm beside it to lose when it is renamed, copied to a USB disk or restored.
 */
function makeSelfContained(file: string, nativeBinding?: string): void {
  const copy = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Opens a backup copy (or a file about to be restored) read-only and runs `PRAGMA integrity_check`. */
export function verifyIntegrity(file: string, nativeBinding?: string): void {
  const copy = openReadonly(file, nativeBinding);
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = rows.map((row) => row.integrity_check).join('; ');
    if (verdict !== 'ok') throw new BackupCorruptError(file, verdict);
  } finally {
    copy.close();
  }
}

/** Reads a database file's schema version without migrating it. */
export function schemaVersionOf(file: string, nativeBinding?: string): number {
  const db = openReadonly(file, nativeBinding);
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function openReadonly(file: string, nativeBinding?: string): Database {
  return new BetterSqlite3(file, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

// Directories cannot be fsynced on Windows (EPERM/EISDIR); the rename is still atomic there.
function fsyncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
