// [Note: which thread writes] The SQLite relay commits every webhook with synchronous=FULL before its 200, so each
// transaction waits for an fsync. Where that wait is long (2–10 ms on the disks issue 4 measured), it must not
// freeze the event loop: the writes run on a worker thread (sqlite-writer.ts) and HTTP parsing and streaming go on
// beside them. Where the fsync is short, the thread costs more than it saves: each batch crosses two threads
// (a structured clone each way and two wake-ups), and issue 18's bench measured, on a disk with a 0.2–0.6 ms fsync,
// 0.18 s of relay CPU per 1,000 webhooks writing on the main thread against 0.21–0.22 s with the thread, and
// ingress 4,960–5,028/s against 4,452–4,497/s, with the same delivery p99. So `auto` (the default) times a few
// fsyncs on the data directory's own disk at start and writes on the main thread below FAST_FSYNC_MS; the
// choice and the figure are logged, and `--sqlite-writer thread|inline` overrides it. Durability is the same
// either way: one connection, synchronous=FULL, 200 only after COMMIT returned.
import { closeSync, fdatasyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** How the relay's SQLite writes run: chosen at start (`auto`), or fixed by the operator. */
export type SqliteWriterMode = 'auto' | 'thread' | 'inline';

/** Median fsync at or below which the main thread writes (see the note). */
export const FAST_FSYNC_MS = 0.5;
const PROBES = 9;

/** The writer for `mode`; `auto` calls `measureFsyncMs` (only then). */
export function chooseSqliteWriter(
  mode: SqliteWriterMode,
  measureFsyncMs: () => number,
): { writer: 'thread' | 'inline'; fsyncMedianMs?: number } {
  if (mode !== 'auto') return { writer: mode };
  const fsyncMedianMs = measureFsyncMs();
  return { writer: fsyncMedianMs <= FAST_FSYNC_MS ? 'inline' : 'thread', fsyncMedianMs };
}

/**
 * Median time of appending one 4 KiB page and fdatasync-ing it, in a scratch file of `dir` (the disk the
 * database is on), which is removed afterwards. Synchronous: it runs once, before the relay listens.
 */
export function measureFsyncMs(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `.fsync-probe-${process.pid}`);
  const page = Buffer.alloc(4096, 0x5a);
  const fd = openSync(file, 'w', 0o600);
  const times: number[] = [];
  try {
    for (let i = 0; i < PROBES; i++) {
      const started = performance.now();
      // Appended, as WAL frames are: each sync also flushes the file's new size (the slower, honest case).
      writeSync(fd, page, 0, page.length, i * page.length);
      fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.POSITIVE_INFINITY;
}
