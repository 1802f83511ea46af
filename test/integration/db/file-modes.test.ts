/**
 * The data directory is 0700 and the database with its -wal and -shm files 0600, also when they
 * already existed with looser modes (an older Caja, a restored backup, a copy made by hand).
 * Real files on the test machine's file system.
 */
import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, databaseFileIn } from '../../../app/host/create-core';
import { recordingLogger } from '../../support/recording-logger';
import { freshDataDir } from '../../support/web-shell';

/** True when this file system keeps POSIX permission bits (not Windows, not a FAT mount). */
function keepsPosixModes(): boolean {
  if (process.platform === 'win32') return false;
  const probe = join(freshDataDir('caja-modes-probe-'), 'probe');
  writeFileSync(probe, '');
  chmodSync(probe, 0o640);
  return (statSync(probe).mode & 0o777) === 0o640;
}

const POSIX = keepsPosixModes();
const SKIP_REASON = 'this file system does not keep POSIX permission bits';
if (!POSIX) console.log(`[file-mode tests skipped] ${SKIP_REASON}`);

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe.skipIf(!POSIX)('data directory and database file modes (real files)', () => {
  it('creates a private data directory and a private database', () => {
    const dataDir = join(freshDataDir('caja-modes-'), 'nested', 'Caja');
    const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
    try {
      const file = databaseFileIn(dataDir);
      expect(modeOf(dataDir)).toBe('700');
      expect(modeOf(file)).toBe('600');
      for (const side of [`${file}-wal`, `${file}-shm`]) {
        if (existsSync(side)) expect(modeOf(side)).toBe('600');
      }
    } finally {
      core.close();
    }
  });

  it('tightens a data directory, database, -wal and -shm that existed world-readable', () => {
    const dataDir = freshDataDir('caja-modes-');
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    const file = databaseFileIn(dataDir);
    // Another connection keeps the WAL and shared-memory files in place while Caja opens.
    const other = new BetterSqlite3(file);
    other.pragma('journal_mode = WAL');
    other.exec('CREATE TABLE left_open (x INTEGER) STRICT; INSERT INTO left_open VALUES (1);');
    const files = [file, `${file}-wal`, `${file}-shm`];
    for (const path of files) chmodSync(path, 0o644);
    const core = createCore({ dataDir, shell: 'web', logger: recordingLogger().logger });
    try {
      expect(modeOf(dataDir)).toBe('700');
      expect(Object.fromEntries(files.map((path) => [path, modeOf(path)]))).toEqual(
        Object.fromEntries(files.map((path) => [path, '600'])),
      );
    } finally {
      core.close();
      other.close();
    }
  });
});
