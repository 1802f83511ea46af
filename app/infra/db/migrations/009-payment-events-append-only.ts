import type { Migration } from './migration';

/**
 * Issue 11: the payment events ledger becomes append-only, like the audit log (001) and the cash
 * movements (003). Every event with its raw payload is the evidence behind a payment's state
 * (payments-lessons rule 4); a correction is a new event, never an edited or deleted one.
 */
export const migration009: Migration = {
  version: 9,
  name: 'payment events append-only',
  up(db) {
    db.exec(`
      CREATE TRIGGER payment_events_refuses_update BEFORE UPDATE ON payment_events
      BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;
      CREATE TRIGGER payment_events_refuses_delete BEFORE DELETE ON payment_events
      BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;
    `);
  },
};
