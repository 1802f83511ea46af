import type { Database } from 'better-sqlite3';

/**
 * WAL pages SQLite may collect before it checkpoints on its own, inside a commit. Far above what a
 * store writes between two quiet seconds, so in practice only the idle checkpointer runs; it stays
 * as the bound on the WAL's size for a store that is never quiet.
 */
export const SAFETY_NET_PAGES = 10_000;

/** Options for {@link startIdleCheckpointer}. */
export interface IdleCheckpointerOptions {
  /** How often to look for a quiet database, in ms. */
  intervalMs?: number;
}

/** What the checkpointer has done, for tests and diagnostics. */
export interface IdleCheckpointer {
  checkpoints(): number;
  /** SQLite's answer to the last checkpoint: WAL frames, and how many reached the main file. */
  lastResult(): { log: number; checkpointed: number } | null;
  /** One look at the database, as the timer makes every interval (tests call it directly). */
  tick(): void;
  stop(): void;
}

/**
 * [Note: checkpoints off the counter's path]
 * SQLite's automatic WAL checkpoint runs inside whichever commit crosses 1,000 pages, so every
 * hundred or so scans one add-to-cart also copied the WAL into the main file and synced it (3–7 ms
 * measured here). So the automatic threshold is raised to a safety net and this timer checkpoints
 * (PASSIVE: never blocks a reader or writer) once a whole interval passed with no write on this
 * connection — between customers, not between two scans. Durability is unchanged: every commit is
 * already synced in the WAL (synchronous=FULL); a checkpoint only moves pages into the main file.
 */
export function startIdleCheckpointer(db: Database, options: IdleCheckpointerOptions = {}): IdleCheckpointer {
  db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  let seen = changes.get()?.n ?? 0;
  let checkpointedAt = seen;
  let count = 0;
  let last: { log: number; checkpointed: number } | null = null;
  const tick = () => {
    if (!db.open) return;
    const now = changes.get()?.n ?? 0;
    const quiet = now === seen;
    seen = now;
    if (!quiet || now === checkpointedAt) return;
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    last = result ?? null;
    checkpointedAt = now;
    count += 1;
  };
  const timer = setInterval(tick, options.intervalMs ?? 1_000);
  timer.unref();
  return {
    checkpoints: () => count,
    lastResult: () => last,
    tick,
    stop: () => clearInterval(timer),
  };
}
