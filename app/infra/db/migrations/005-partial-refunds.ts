import type { Migration } from './migration';

/**
 * Issue 7: refunds as their own records (full or partial), and managers' review of webhooks that
 * matched no payment. See [Note: refund ledger] in app/services/payments/refunds.service.ts.
 * Both tables are evidence about money: rows are never deleted, and a refund never leaves a final state.
 */
export const migration005: Migration = {
  version: 5,
  name: 'partial refunds',
  up(db) {
    db.exec(`
      CREATE TABLE refunds (
        id               INTEGER PRIMARY KEY,
        payment_id       INTEGER NOT NULL REFERENCES payments (id),
        amount_centavos  INTEGER NOT NULL CHECK (amount_centavos > 0),
        -- What §2.5's 23:00 rule predicted when the manager asked (Kushki decides on its side).
        kind             TEXT NOT NULL CHECK (kind IN ('void', 'refund')),
        -- requested: stored, not yet sent; accepted: Kushki answered 2xx; unknown: sent, answer lost;
        -- confirmed: a devolucion webhook or get-status REFUNDED says it happened; failed: Kushki refused.
        status           TEXT NOT NULL CHECK (status IN ('requested', 'accepted', 'unknown', 'confirmed', 'failed')),
        -- Caja's own reference for this refund: every re-send is of this record, never a new one.
        reference        TEXT NOT NULL UNIQUE,
        requested_by     INTEGER REFERENCES users (id),
        requested_at     INTEGER NOT NULL,
        -- Set just before the POST leaves: NULL means it was never sent and is safe to send.
        sent_at          INTEGER,
        send_count       INTEGER NOT NULL DEFAULT 0 CHECK (send_count >= 0),
        updated_at       INTEGER NOT NULL,
        failure_reason   TEXT,
        -- The payment_events row (a devolucion webhook) that confirmed it, used once.
        evidence_event_id INTEGER UNIQUE REFERENCES payment_events (id),
        CHECK ((status = 'requested') = (sent_at IS NULL) OR status IN ('failed', 'confirmed'))
      ) STRICT;
      CREATE INDEX refunds_by_payment ON refunds (payment_id, id);
      -- The Z report counts confirmed refunds by the time they were confirmed.
      CREATE INDEX refunds_confirmed ON refunds (updated_at, payment_id) WHERE status = 'confirmed';
      CREATE INDEX refunds_in_flight ON refunds (status) WHERE status IN ('requested', 'accepted', 'unknown');

      -- Never refund more than was charged (amount + tip): the sum of refunds not failed is checked
      -- on every insert and on every change of amount or status, whatever code writes the row.
      CREATE TRIGGER refunds_within_charge_insert BEFORE INSERT ON refunds
      WHEN NEW.status <> 'failed' AND
        (SELECT COALESCE(SUM(amount_centavos), 0) FROM refunds
           WHERE payment_id = NEW.payment_id AND status <> 'failed') + NEW.amount_centavos
        > (SELECT amount_centavos + tip_centavos FROM payments WHERE id = NEW.payment_id)
      BEGIN SELECT RAISE(ABORT, 'refunds exceed the amount charged'); END;

      CREATE TRIGGER refunds_within_charge_update BEFORE UPDATE OF amount_centavos, status, payment_id ON refunds
      WHEN NEW.status <> 'failed' AND
        (SELECT COALESCE(SUM(amount_centavos), 0) FROM refunds
           WHERE payment_id = NEW.payment_id AND status <> 'failed' AND id <> NEW.id) + NEW.amount_centavos
        > (SELECT amount_centavos + tip_centavos FROM payments WHERE id = NEW.payment_id)
      BEGIN SELECT RAISE(ABORT, 'refunds exceed the amount charged'); END;

      CREATE TRIGGER refunds_final_states_stay BEFORE UPDATE OF status ON refunds
      WHEN OLD.status IN ('confirmed', 'failed') AND NEW.status <> OLD.status
      BEGIN SELECT RAISE(ABORT, 'a refund in a final state never changes'); END;

      CREATE TRIGGER refunds_refuse_delete BEFORE DELETE ON refunds
      BEGIN SELECT RAISE(ABORT, 'refunds are evidence and are never deleted'); END;

      -- Late approvals on a completed sale (the engine writes kind 'overpayment'): few rows, read on
      -- every visit to the manager's home, so they get their own small index.
      CREATE INDEX payment_events_overpayments ON payment_events (payment_id) WHERE kind = 'overpayment';
      -- Managers' notes on unknown payments, shown beside the guided resolution.
      CREATE INDEX payment_events_manager_notes ON payment_events (payment_id) WHERE kind = 'manager_note';

      -- Who reviewed a webhook that matched no payment. The webhook itself stays in payment_events.
      CREATE TABLE webhook_reviews (
        event_id      INTEGER PRIMARY KEY REFERENCES payment_events (id),
        reviewed_by   INTEGER NOT NULL REFERENCES users (id),
        reviewed_at   INTEGER NOT NULL,
        note          TEXT CHECK (note IS NULL OR length(note) <= 500)
      ) STRICT;
      CREATE TRIGGER webhook_reviews_refuse_delete BEFORE DELETE ON webhook_reviews
      BEGIN SELECT RAISE(ABORT, 'webhook reviews are never deleted'); END;
    `);
  },
};
