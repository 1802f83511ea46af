/**
 * The manager's open items, read straight from SQLite: payments in unknown, webhooks that matched no
 * payment (with who reviewed them), sales paid twice, and the counts of the manager's home. Every
 * query runs on a partial index, so the home stays fast however long the history grows.
 */
import type { Database } from 'better-sqlite3';
import type {
  HomeCounts,
  OverpaymentItem,
  UnknownPaymentItem,
  UnmatchedKind,
  UnmatchedOverflowItem,
  UnmatchedWebhookItem,
} from '../../../../domain/office/refunds';
import type { OpenItemsReadModel } from '../../../../ports/open-items.port';

interface UnknownRow {
  id: number;
  sale_id: number;
  amount_centavos: number;
  tip_centavos: number;
  terminal_serial: string | null;
  unique_reference: string | null;
  created_at: number;
  check_count: number;
  next_check_at: number | null;
}

interface UnmatchedRow {
  id: number;
  at: number;
  unique_reference: string | null;
  detail: string | null;
  raw_payload: string | null;
  reviewed_at: number | null;
  reviewed_by_name: string | null;
}

// The exact terms of payments_one_open_card's WHERE, so SQLite can use that partial index.
const UNKNOWN_CARD = `method = 'card' AND status IN ('requested', 'sent', 'unknown') AND status = 'unknown'`;
const NOT_REVIEWED = `NOT EXISTS (SELECT 1 FROM webhook_reviews w WHERE w.event_id = e.id)`;

/** Read model and the one write (a review) of the open items. */
export class SqliteOpenItemsReadModel implements OpenItemsReadModel {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      unknown: db.prepare<[], UnknownRow>(`SELECT * FROM payments WHERE ${UNKNOWN_CARD} ORDER BY created_at`),
      unknownCount: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM payments WHERE ${UNKNOWN_CARD}`),
      notes: db.prepare<[number], { at: number; detail: string | null; name: string | null }>(
        `SELECT e.at, e.detail, u.name FROM payment_events e LEFT JOIN users u ON u.id = e.actor_user_id
         WHERE e.payment_id = ? AND e.kind = 'manager_note' ORDER BY e.id`,
      ),
      unmatched: db.prepare<[number], UnmatchedRow>(
        `SELECT e.id, e.at, e.unique_reference, e.detail, e.raw_payload, w.reviewed_at, u.name AS reviewed_by_name
         FROM payment_events e
         LEFT JOIN webhook_reviews w ON w.event_id = e.id
         LEFT JOIN users u ON u.id = w.reviewed_by
         WHERE e.payment_id IS NULL
         ORDER BY (w.event_id IS NOT NULL), e.at DESC LIMIT ?`,
      ),
      unmatchedStored: db.prepare<[], { n: number }>(
        `SELECT COUNT(*) AS n FROM payment_events WHERE payment_id IS NULL`,
      ),
      // One row per store day and kind, written by the inbound webhooks service past its cap.
      overflow: db.prepare<
        [number],
        { day: string; kind: string; count: number; firstAt: number; lastAt: number }
      >(
        `SELECT day, kind, count, first_at AS firstAt, last_at AS lastAt FROM unmatched_webhook_overflow
         ORDER BY day DESC, kind LIMIT ?`,
      ),
      unmatchedCount: db.prepare<[], { n: number }>(
        `SELECT COUNT(*) AS n FROM payment_events e WHERE e.payment_id IS NULL AND ${NOT_REVIEWED}`,
      ),
      isUnmatched: db.prepare<[number], { id: number }>(
        `SELECT id FROM payment_events WHERE id = ? AND payment_id IS NULL`,
      ),
      review: db.prepare(
        `INSERT INTO webhook_reviews (event_id, reviewed_by, reviewed_at, note) VALUES (@eventId, @userId, @now, @note)
         ON CONFLICT (event_id) DO NOTHING`,
      ),
      refundsInFlight: db.prepare<[], { n: number }>(
        `SELECT COUNT(*) AS n FROM refunds WHERE status IN ('requested', 'accepted', 'unknown')`,
      ),
      // Money a sale holds: each card or cash payment that holds money, net of its refunds not failed.
      overpaid: db.prepare<[], OverpaymentItem>(
        `SELECT * FROM (
           SELECT s.id AS saleId, s.total_centavos AS saleTotal, s.completed_at AS completedAt,
             p.id AS paymentId, p.amount_centavos AS paymentAmount,
             COALESCE((SELECT MIN(a.at) FROM payment_events a WHERE a.payment_id = p.id
                AND a.kind = 'transition' AND a.to_status = 'approved'), p.updated_at) AS approvedAt,
             (SELECT SUM(MAX(0, q.amount_centavos - (SELECT COALESCE(SUM(r.amount_centavos), 0) FROM refunds r
                 WHERE r.payment_id = q.id AND r.status <> 'failed')))
              FROM payments q WHERE q.sale_id = s.id AND q.status IN ('approved', 'refund_requested'))
               - s.total_centavos AS excess
           FROM (SELECT DISTINCT payment_id FROM payment_events WHERE kind = 'overpayment') f
           JOIN payments p ON p.id = f.payment_id
           JOIN sales s ON s.id = p.sale_id
           WHERE s.status = 'completed' AND p.status IN ('approved', 'refund_requested'))
         WHERE excess > 0 ORDER BY approvedAt DESC`,
      ),
    };
  }

  unknownPayments(): UnknownPaymentItem[] {
    return this.s.unknown.all().map((row) => ({
      paymentId: row.id,
      saleId: row.sale_id,
      amount: row.amount_centavos,
      tip: row.tip_centavos,
      terminalSerial: row.terminal_serial,
      uniqueReference: row.unique_reference,
      createdAt: row.created_at,
      checkCount: row.check_count,
      nextCheckAt: row.next_check_at,
      notes: this.s.notes.all(row.id).map((n) => ({ at: n.at, byName: n.name, text: n.detail ?? '' })),
    }));
  }

  unmatchedWebhooks(limit = 100): UnmatchedWebhookItem[] {
    return this.s.unmatched.all(limit).map((row) => ({
      eventId: row.id,
      at: row.at,
      uniqueReference: row.unique_reference,
      detail: row.detail,
      rawPayload: row.raw_payload,
      reviewedAt: row.reviewed_at,
      reviewedByName: row.reviewed_by_name,
    }));
  }

  /** Unmatched webhooks stored in full beyond the `listed` ones shown. */
  unmatchedNotListed(listed: number): number {
    return Math.max(0, (this.s.unmatchedStored.get()?.n ?? 0) - listed);
  }

  /** Unmatched webhooks that were only counted, newest day first (two months of days at most). */
  unmatchedOverflow(limit = 60): UnmatchedOverflowItem[] {
    return this.s.overflow.all(limit).map((row) => ({ ...row, kind: row.kind as UnmatchedKind }));
  }

  overpayments(): OverpaymentItem[] {
    return this.s.overpaid.all();
  }

  /** Records who reviewed an unmatched webhook: `not_found` if it is not one, false if already reviewed. */
  acknowledge(eventId: number, userId: number, note: string | null, now: number): 'not_found' | boolean {
    if (!this.s.isUnmatched.get(eventId)) return 'not_found';
    return this.s.review.run({ eventId, userId, note, now }).changes === 1;
  }

  counts(): HomeCounts {
    return {
      unknownPayments: this.s.unknownCount.get()?.n ?? 0,
      unmatchedWebhooks: this.s.unmatchedCount.get()?.n ?? 0,
      refundsInFlight: this.s.refundsInFlight.get()?.n ?? 0,
      overpayments: this.s.overpaid.all().length,
    };
  }
}
