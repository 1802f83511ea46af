import type { Database } from 'better-sqlite3';
import type { RefundStatus } from '../../../../domain/office/refunds';
import type { RefundKind } from '../../../../domain/office/void-or-refund';
import type { NewRefund, RefundRecord, RefundsRepo } from '../../../../ports/refunds.port';
import type { PaymentEvent } from '../../../../domain/payment';
import { paymentEventFromRow } from '../../payments.repo';

interface RefundRow {
  id: number;
  payment_id: number;
  amount_centavos: number;
  kind: string;
  status: string;
  reference: string;
  requested_by: number | null;
  requested_at: number;
  sent_at: number | null;
  send_count: number;
  updated_at: number;
  failure_reason: string | null;
  evidence_event_id: number | null;
}

/** Maps a refunds row to the record. */
export function refundFromRow(row: RefundRow): RefundRecord {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amount: row.amount_centavos,
    kind: row.kind as RefundKind,
    status: row.status as RefundStatus,
    reference: row.reference,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    sentAt: row.sent_at,
    sendCount: row.send_count,
    updatedAt: row.updated_at,
    failureReason: row.failure_reason,
    evidenceEventId: row.evidence_event_id,
  };
}

type EventRow = Parameters<typeof paymentEventFromRow>[0];

/** Refunds on SQLite; the triggers of migration 005 refuse any sum above the charge. */
export class SqliteRefundsRepo implements RefundsRepo {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO refunds (payment_id, amount_centavos, kind, status, reference, requested_by, requested_at,
           updated_at)
         VALUES (@paymentId, @amount, @kind, 'requested', @reference, @requestedBy, @now, @now)`,
      ),
      byId: db.prepare<[number], RefundRow>(`SELECT * FROM refunds WHERE id = ?`),
      forPayment: db.prepare<[number], RefundRow>(`SELECT * FROM refunds WHERE payment_id = ? ORDER BY id`),
      inFlight: db.prepare<[], RefundRow>(
        `SELECT * FROM refunds WHERE status IN ('requested', 'accepted', 'unknown') ORDER BY id`,
      ),
      sum: db.prepare<[number], { total: number }>(
        `SELECT COALESCE(SUM(amount_centavos), 0) AS total FROM refunds
         WHERE payment_id = ? AND status <> 'failed'`,
      ),
      sending: db.prepare(
        `UPDATE refunds SET status = 'unknown', sent_at = @now, send_count = send_count + 1, updated_at = @now
         WHERE id = @id AND status IN ('requested', 'accepted', 'unknown')`,
      ),
      settle: db.prepare(
        `UPDATE refunds SET status = @status, updated_at = @now,
           failure_reason = COALESCE(@failureReason, failure_reason),
           evidence_event_id = COALESCE(@evidenceEventId, evidence_event_id)
         WHERE id = @id AND status IN ('requested', 'accepted', 'unknown')`,
      ),
      approvedAt: db.prepare<[number], { at: number | null }>(
        `SELECT MIN(at) AS at FROM payment_events
         WHERE payment_id = ? AND kind = 'transition' AND to_status = 'approved'`,
      ),
      // Webhooks are few per payment; the JSON test runs only on this payment's rows (by index).
      refundWebhooks: db.prepare<[number], EventRow>(
        `SELECT * FROM payment_events e
         WHERE e.payment_id = ? AND e.kind = 'webhook'
           AND CASE WHEN json_valid(e.raw_payload)
                 THEN lower(json_extract(e.raw_payload, '$.transactionType')) END = 'devolucion'
           AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.evidence_event_id = e.id)
         ORDER BY e.id`,
      ),
    };
  }

  insert(refund: NewRefund, now: number): RefundRecord {
    const id = Number(this.s.insert.run({ ...refund, now }).lastInsertRowid);
    return this.get(id)!;
  }

  get(id: number): RefundRecord | undefined {
    const row = this.s.byId.get(id);
    return row ? refundFromRow(row) : undefined;
  }

  forPayment(paymentId: number): RefundRecord[] {
    return this.s.forPayment.all(paymentId).map(refundFromRow);
  }

  inFlight(): RefundRecord[] {
    return this.s.inFlight.all().map(refundFromRow);
  }

  committedSum(paymentId: number): number {
    return this.s.sum.get(paymentId)?.total ?? 0;
  }

  markSending(id: number, now: number): void {
    this.s.sending.run({ id, now });
  }

  settle(
    id: number,
    status: RefundStatus,
    patch: { failureReason?: string | null; evidenceEventId?: number | null },
    now: number,
  ): boolean {
    const result = this.s.settle.run({
      id,
      status,
      now,
      failureReason: patch.failureReason ?? null,
      evidenceEventId: patch.evidenceEventId ?? null,
    });
    return result.changes === 1;
  }

  approvedAt(paymentId: number): number | undefined {
    return this.s.approvedAt.get(paymentId)?.at ?? undefined;
  }

  unusedRefundWebhooks(paymentId: number): PaymentEvent[] {
    return this.s.refundWebhooks.all(paymentId).map(paymentEventFromRow);
  }
}
