import type { Migration } from './migration';

/**
 * Issue 11: wrong PINs are counted per target user and survive a restart (see [Note: PIN failures
 * per target]). One row per user with a run of wrong PINs in a row; the row goes when the run ends
 * (the user's correct PIN or a manager's unlock). `locked_at` is set at the tenth wrong PIN.
 */
export const migration008: Migration = {
  version: 8,
  name: 'pin attempts',
  up(db) {
    db.exec(`
      CREATE TABLE pin_attempts (
        user_id         INTEGER PRIMARY KEY REFERENCES users (id),
        failures        INTEGER NOT NULL CHECK (failures > 0),
        last_failure_at INTEGER NOT NULL,
        locked_at       INTEGER
      ) STRICT;
    `);
  },
};
