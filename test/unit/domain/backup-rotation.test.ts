import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToDelete,
  parseBackupFileName,
  type BackupEntry,
  type BackupKind,
} from '../../../app/domain/office/backup-rotation';

const DAY = 24 * 60 * 60 * 1000;
const entry = (kind: BackupKind, takenAt: number): BackupEntry => ({
  name: backupFileName(kind, takenAt),
  kind,
  takenAt,
});

describe('backup names', () => {
  it('round-trip and refuse anything else', () => {
    const at = Date.UTC(2026, 11, 3, 11, 4, 0, 123);
    expect(backupFileName('pre-migration', at)).toBe('caja-pre-migration-20261203T110400123Z.sqlite');
    expect(parseBackupFileName(backupFileName('pre-migration', at))).toEqual({
      name: 'caja-pre-migration-20261203T110400123Z.sqlite',
      kind: 'pre-migration',
      takenAt: at,
    });
    expect(parseBackupFileName('caja-daily-20261203T110400123Z.sqlite.partial')).toBeNull();
    expect(parseBackupFileName('../caja.sqlite')).toBeNull();
  });
});

describe('rotation', () => {
  it('keeps 7 daily and 4 weekly ones, and the newest 10 of each other kind', () => {
    const start = Date.UTC(2026, 0, 5, 3); // a Monday
    const daily = Array.from({ length: 60 }, (_, i) => entry('daily', start + i * DAY));
    const manual = Array.from({ length: 12 }, (_, i) => entry('manual', start + i * 1000));
    const deleted = new Set(backupsToDelete([...daily, ...manual]));
    const keptDaily = daily.filter((e) => !deleted.has(e.name));
    // The last 7 days, plus the newest of each of the 3 earlier weeks (the 4th week is the current one).
    expect(keptDaily.slice(-7)).toEqual(daily.slice(-7));
    expect(keptDaily.length).toBeGreaterThanOrEqual(7 + 2);
    expect(keptDaily.length).toBeLessThanOrEqual(7 + 4);
    expect(manual.filter((e) => deleted.has(e.name))).toEqual(manual.slice(0, 2));
  });

  it('deletes nothing from a young install', () => {
    const now = Date.UTC(2026, 11, 3);
    expect(backupsToDelete([entry('daily', now), entry('manual', now), entry('pre-restore', now)])).toEqual(
      [],
    );
  });
});
