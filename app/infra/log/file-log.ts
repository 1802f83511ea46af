/**
 * The shells' log files (issue 16, item 1): `<data-dir>/logs/caja.<yyyy-MM-dd>.<n>.log`, rolled daily
 * and at 20 MB by pino-roll, the last 30 files kept. Every line also goes to stderr, so a terminal or
 * a service manager sees what the file holds. Writes are synchronous (SonicBoom `sync`): the line
 * that explains a crash is on disk before the crash.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pinoRoll from 'pino-roll';

/** The folder of the log files inside a data directory. */
export function logsDirIn(dataDir: string): string {
  return join(dataDir, 'logs');
}

/** The log file name pattern: `caja.2026-12-03.1.log`. */
export const LOG_FILE_PATTERN = /^caja\.\d{4}-\d{2}-\d{2}\.\d+\.log$/;

/** A rolling log file plus stderr. */
export interface FileLogSink {
  /** Writes one line (newline included) to the file and to stderr. */
  write(line: string): void;
  /** Flushes and closes the file. */
  close(): void;
}

/** Opens the rolling log file of a data directory (creating `logs/`, 0700). */
export async function openFileLog(dataDir: string, options: { stderr?: boolean } = {}): Promise<FileLogSink> {
  const dir = logsDirIn(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stream = await pinoRoll({
    file: join(dir, 'caja'),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    size: '20m',
    limit: { count: 30 },
    mkdir: true,
    sync: true,
    mode: 0o600,
  });
  const toStderr = options.stderr ?? true;
  return {
    write(line) {
      stream.write(line);
      if (toStderr) process.stderr.write(line);
    },
    close() {
      stream.flushSync();
      stream.end();
    },
  };
}

/** The log files modified in the last `days` days, oldest first (for the office's export). */
export function recentLogFiles(dataDir: string, days: number, now: number): string[] {
  const dir = logsDirIn(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const since = now - days * 24 * 60 * 60 * 1000;
  return names
    .filter((name) => LOG_FILE_PATTERN.test(name))
    .map((name) => ({ file: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .filter((entry) => entry.mtime >= since)
    .sort((a, b) => a.mtime - b.mtime)
    .map((entry) => entry.file);
}
