/**
 * Which backups to keep (issue 16, item 4): of the daily ones, the newest of each of the last 7 days
 * that have one, plus the newest of each of the last 4 ISO weeks that have one; of the others (on
 * demand, before a migration, a restore or an update), the newest 10 of each kind. Pure: names in, names out.
 */

/** Why a backup was taken (part of its file name). */
export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-update';

/** The kinds, in the order the office lists them. */
export const BACKUP_KINDS: readonly BackupKind[] = [
  'daily',
  'manual',
  'pre-migration',
  'pre-restore',
  'pre-update',
];

/** One finished backup, as its file name says. */
export interface BackupEntry {
  name: string;
  kind: BackupKind;
  takenAt: number;
}

/** How many of each to keep. */
export const RETENTION = { daily: 7, weekly: 4, otherPerKind: 10 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** UTC day number: backups rotate on UTC days (a store's day boundary does not matter here). */
function dayOf(at: number): number {
  return Math.floor(at / DAY_MS);
}

/** ISO week key (Monday-based), UTC. */
function weekOf(at: number): number {
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
  return Math.floor((dayOf(at) + 3) / 7);
}

function newestPer(entries: BackupEntry[], key: (at: number) => number, count: number): BackupEntry[] {
  const seen = new Set<number>();
  const kept: BackupEntry[] = [];
  for (const entry of [...entries].sort((a, b) => b.takenAt - a.takenAt)) {
    const k = key(entry.takenAt);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(entry);
    if (kept.length === count) break;
  }
  return kept;
}

/** The names to delete so that what remains follows {@link RETENTION}. */
export function backupsToDelete(entries: readonly BackupEntry[]): string[] {
  const keep = new Set<string>();
  const daily = entries.filter((e) => e.kind === 'daily');
  for (const e of newestPer(daily, dayOf, RETENTION.daily)) keep.add(e.name);
  for (const e of newestPer(daily, weekOf, RETENTION.weekly)) keep.add(e.name);
  for (const kind of BACKUP_KINDS.filter((k) => k !== 'daily')) {
    const ofKind = entries.filter((e) => e.kind === kind).sort((a, b) => b.takenAt - a.takenAt);
    for (const e of ofKind.slice(0, RETENTION.otherPerKind)) keep.add(e.name);
  }
  return entries.filter((e) => !keep.has(e.name)).map((e) => e.name);
}

/** `caja-daily-20261203T110400123Z.sqlite`: sortable, no characters Windows refuses. */
export function backupFileName(kind: BackupKind, takenAt: number): string {
  const stamp = new Date(takenAt).toISOString().replace(/[-:.]/g, '');
  return `caja-${kind}-${stamp}.sqlite`;
}

const NAME = /^caja-(daily|manual|pre-migration|pre-restore|pre-update)-(\d{8})T(\d{6})(\d{3})Z\.sqlite$/;

/** Parses a backup file name; null for anything else (a `.partial`, a stray file). */
export function parseBackupFileName(name: string): BackupEntry | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, kind, date = '', time = '', ms = ''] = match;
  const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${ms}Z`;
  const takenAt = Date.parse(iso);
  return Number.isNaN(takenAt) ? null : { name, kind: kind as BackupKind, takenAt };
}
