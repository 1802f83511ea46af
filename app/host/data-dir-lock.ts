/**
 * One process per data directory (issue 16, item 3). [Note: data directory lock]
 * Two Caja processes on one data directory would be two payment engines and two relay clients on
 * one ledger. Electron's single-instance lock covers desktop + desktop only, so both shells take a
 * lock FILE, `<data-dir>/caja.lock`, before they open anything else in the folder (logs included):
 *
 * - it is created with `wx` (O_CREAT|O_EXCL): of two processes racing, exactly one creates it;
 * - it holds `{ pid, shell, startedAt, hostname }`, so the one that loses can say who holds it;
 * - a lock whose pid is dead on this host (a crash, a power cut, kill -9) is stale: it is removed and
 *   the `wx` create retried once — if another process won that retry, this one is refused as usual;
 * - an unreadable lock counts as stale once it is a few seconds old (a half-written file from a power
 *   cut), never while it may be a racing process's file between its create and its write;
 * - a lock from another host (a data directory on a network share) is never taken over: the pid
 *   cannot be checked from here;
 * - the holder removes it on a clean stop; it never needs to: the next start finds the pid dead.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { ShellKind } from '../api/contract';

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'caja.lock';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  shell: z.enum(['electron', 'web']),
  startedAt: z.string(),
  hostname: z.string(),
});

/** Who holds a data directory. */
export type LockHolder = z.infer<typeof holderSchema>;

/** The data directory is in use by another Caja process. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const shell = holder.shell === 'electron' ? 'la aplicación de escritorio' : 'la versión web (start:web)';
    super(
      `La carpeta de datos ${dataDir} ya está abierta por otro Caja: ${shell}, proceso ${holder.pid}` +
        ` en ${holder.hostname}, desde ${holder.startedAt}. Use esa ventana o ciérrela antes de abrir Caja otra vez.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** A held lock. */
export interface DataDirLock {
  holder: LockHolder;
  /** Removes the lock file (only if it is still ours). */
  release(): void;
}

/** What the lock needs from the system, injectable for tests. */
export interface LockEnvironment {
  pid: number;
  hostname: string;
  now: () => number;
  /** True when a process with this pid runs on this host. */
  isAlive: (pid: number) => boolean;
}

/** `process.kill(pid, 0)`: ESRCH means no such process; EPERM means it exists (another user's). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const systemEnvironment = (): LockEnvironment => ({
  pid: process.pid,
  hostname: hostname(),
  now: () => Date.now(),
  isAlive: processIsAlive,
});

/** Takes the data directory's lock, or throws DataDirLockedError naming the holder. */
export function acquireDataDirLock(
  dataDir: string,
  shell: ShellKind,
  env: LockEnvironment = systemEnvironment(),
): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: env.pid,
    shell,
    startedAt: new Date(env.now()).toISOString(),
    hostname: env.hostname,
  };
  if (!tryCreate(file, holder)) {
    const current = readHolder(file);
    if (current === null && !olderThan(file, UNREADABLE_GRACE_MS, env.now())) {
      throw new Error(`Otro Caja está abriendo la carpeta de datos ${dataDir} en este momento.`);
    }
    const stale = current === null || (current.hostname === env.hostname && !env.isAlive(current.pid));
    if (!stale) throw new DataDirLockedError(dataDir, current);
    removeIfPresent(file);
    if (!tryCreate(file, holder)) {
      const winner = readHolder(file);
      if (winner) throw new DataDirLockedError(dataDir, winner);
      throw new Error(`No se pudo tomar el bloqueo ${file}.`);
    }
  }
  return {
    holder,
    release() {
      const now = readHolder(file);
      if (now && now.pid === holder.pid && now.startedAt === holder.startedAt) removeIfPresent(file);
    },
  };
}

// Longer than any process needs between its `wx` create and its one write.
const UNREADABLE_GRACE_MS = 5_000;

function olderThan(file: string, ms: number, now: number): boolean {
  try {
    return now - statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock's holder, or null when the file is gone or unreadable (stale). */
export function readHolder(file: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
