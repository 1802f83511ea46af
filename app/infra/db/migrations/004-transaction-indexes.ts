import type { Migration } from './migration';

/**
 * Issue 7: indexes for the manager's transactions list, search and payment timeline, chosen with
 * EXPLAIN QUERY PLAN over a seeded year of 1,000,000 payments (`npm run bench:reports` prints the
 * plans and timings).
 * - payments_by_time: the list's range scan in keyset order (created_at, then rowid for ties), and
 *   *covering* for the totals: every column a filter or a sum reads is in it, so the totals of a
 *   day, a month or a year never touch the table (a month's 60,000 rows sum in ~10 ms).
 * - payments_by_brand / payments_by_terminal: (value, created_at), so a brand or terminal filter
 *   seeks straight to its range of dates; the filter pickers also read their distinct values here.
 * - payments_by_last4 / payments_by_authorization: the search box. With unique_reference's own
 *   UNIQUE index, an OR over the three becomes a union of index lookups (a few rows each),
 *   whatever the date range. Partial: cash payments have none of these.
 * - audit_log_by_subject: the timeline's audit entries (`payment:<id>`).
 */
export const migration004: Migration = {
  version: 4,
  name: 'transaction indexes',
  up(db) {
    db.exec(`
      CREATE INDEX payments_by_time ON payments (created_at, status, method, amount_centavos, tip_centavos,
        created_by, terminal_serial, card_brand);
      CREATE INDEX payments_by_brand ON payments (card_brand, created_at) WHERE card_brand IS NOT NULL;
      CREATE INDEX payments_by_terminal ON payments (terminal_serial, created_at) WHERE terminal_serial IS NOT NULL;
      CREATE INDEX payments_by_last4 ON payments (card_last4, created_at) WHERE card_last4 IS NOT NULL;
      CREATE INDEX payments_by_authorization ON payments (authorization_code)
        WHERE authorization_code IS NOT NULL;
      CREATE INDEX audit_log_by_subject ON audit_log (subject, id) WHERE subject IS NOT NULL;
    `);
  },
};
