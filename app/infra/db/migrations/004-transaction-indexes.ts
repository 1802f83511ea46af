import type { Migration } from './migration';

/**
 * Issue 7: indexes for the manager's transactions list, search and payment timeline, chosen with
 * EXPLAIN QUERY PLAN over a seeded year of 1,000,000 payments (`npm run bench:reports`).
 * - payments_by_time: the list's range scan and keyset order (created_at DESC, then rowid DESC,
 *   which SQLite keeps as the index's last key), and the totals of a day.
 * - payments_by_last4 / payments_by_authorization: the search box. With unique_reference's own
 *   UNIQUE index, an OR over the three becomes a union of three index lookups (a few rows each),
 *   whatever the date range. Partial: cash rows have none of these.
 * - payments_by_brand / payments_by_terminal: the filter pickers read distinct values by skipping
 *   through these instead of scanning the table.
 * - audit_log_by_subject: the timeline's audit entries (`payment:<id>`).
 */
export const migration004: Migration = {
  version: 4,
  name: 'transaction indexes',
  up(db) {
    db.exec(`
      CREATE INDEX payments_by_time ON payments (created_at);
      CREATE INDEX payments_by_last4 ON payments (card_last4, created_at) WHERE card_last4 IS NOT NULL;
      CREATE INDEX payments_by_authorization ON payments (authorization_code)
        WHERE authorization_code IS NOT NULL;
      CREATE INDEX payments_by_brand ON payments (card_brand) WHERE card_brand IS NOT NULL;
      CREATE INDEX payments_by_terminal ON payments (terminal_serial) WHERE terminal_serial IS NOT NULL;
      CREATE INDEX audit_log_by_subject ON audit_log (subject, id) WHERE subject IS NOT NULL;
    `);
  },
};
