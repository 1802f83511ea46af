import type { Migration } from './migration';

/**
 * Issue 7: store settings. Store details, receipt options and terminals are rows of the settings
 * table and the secrets moved to the vault, so the schema change is about users: the manager now
 * adds them, and two active users with the same name would be indistinguishable on the sign-in
 * picker. Inactive users keep their names (old sales show them), so the rule is on active rows only.
 */
export const migration006: Migration = {
  version: 6,
  name: 'store settings',
  up(db) {
    db.exec(`CREATE UNIQUE INDEX users_active_name ON users (name COLLATE NOCASE) WHERE active = 1;`);
  },
};
