import type { Database } from 'better-sqlite3';
import { NO_FAILURES, type PinFailures } from '../../domain/pin-guard';
import type { PinFailuresRepo } from '../../ports/users.port';

interface PinFailuresRow {
  failures: number;
  last_failure_at: number;
  locked_at: number | null;
}

function toFailures(row: PinFailuresRow | undefined): PinFailures {
  return row
    ? { failures: row.failures, lastFailureAt: row.last_failure_at, lockedAt: row.locked_at }
    : NO_FAILURES;
}

function toRow(userId: number, state: PinFailures) {
  return {
    user_id: userId,
    failures: state.failures,
    last_failure_at: state.lastFailureAt,
    locked_at: state.lockedAt,
  };
}

/** Wrong-PIN runs on SQLite (`pin_attempts`, migration 008): a row exists only while a run does. */
export class SqlitePinFailuresRepo implements PinFailuresRepo {
  private readonly one;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database) {
    this.one = db.prepare<[number], PinFailuresRow>(
      `SELECT failures, last_failure_at, locked_at FROM pin_attempts WHERE user_id = ?`,
    );
    this.upsert = db.prepare<[ReturnType<typeof toRow>]>(
      `INSERT INTO pin_attempts (user_id, failures, last_failure_at, locked_at)
       VALUES (@user_id, @failures, @last_failure_at, @locked_at)
       ON CONFLICT (user_id) DO UPDATE SET failures = excluded.failures,
         last_failure_at = excluded.last_failure_at, locked_at = excluded.locked_at`,
    );
    this.remove = db.prepare<[number]>(`DELETE FROM pin_attempts WHERE user_id = ?`);
  }

  get(userId: number): PinFailures {
    return toFailures(this.one.get(userId));
  }

  save(userId: number, state: PinFailures): void {
    if (state.failures === 0) this.remove.run(userId);
    else this.upsert.run(toRow(userId, state));
  }

  clear(userId: number): void {
    this.remove.run(userId);
  }
}
