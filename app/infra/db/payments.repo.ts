import type { Database } from 'better-sqlite3';
import type { Payment, PaymentEvent, PaymentMethod, WebhookSignature } from '../../domain/payment';
import { recordedSignature } from '../../domain/office/webhook-marks';
import type { PaymentStatus } from '../../domain/payment-status';
import type {
  NewPayment,
  NewPaymentEvent,
  PaymentPatch,
  PaymentsRepo,
  UnmatchedKind,
} from '../../ports/payments.port';

interface PaymentRow {
  id: number;
  sale_id: number;
  method: string;
  status: string;
  amount_centavos: number;
  tip_centavos: number;
  msi: number;
  tendered_centavos: number | null;
  change_centavos: number | null;
  identifier: string | null;
  unique_reference: string | null;
  terminal_serial: string | null;
  ttl_seconds: number | null;
  kushki_status: string | null;
  transaction_id: string | null;
  authorization_code: string | null;
  card_brand: string | null;
  card_last4: string | null;
  card_signature: string | null;
  failure_reason: string | null;
  cancel_requested: number;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  next_check_at: number | null;
  check_count: number;
}

/** Maps a payments row to the domain. */
export function paymentFromRow(row: PaymentRow): Payment {
  return {
    id: row.id,
    saleId: row.sale_id,
    method: row.method as PaymentMethod,
    status: row.status as PaymentStatus,
    amount: row.amount_centavos,
    tip: row.tip_centavos,
    msi: row.msi,
    tendered: row.tendered_centavos,
    change: row.change_centavos,
    identifier: row.identifier,
    uniqueReference: row.unique_reference,
    terminalSerial: row.terminal_serial,
    ttlSeconds: row.ttl_seconds,
    kushkiStatus: row.kushki_status,
    transactionId: row.transaction_id,
    authorizationCode: row.authorization_code,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    cardSignature: (row.card_signature as WebhookSignature | null) ?? null,
    failureReason: row.failure_reason,
    cancelRequested: row.cancel_requested === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextCheckAt: row.next_check_at,
    checkCount: row.check_count,
  };
}

interface EventRow {
  id: number;
  payment_id: number | null;
  unique_reference: string | null;
  kind: string;
  source: string;
  from_status: string | null;
  to_status: string | null;
  detail: string | null;
  raw_payload: string | null;
  bp_signature: string | null;
  at: number;
}

/** Maps a payment_events row to the domain. */
export function paymentEventFromRow(row: EventRow): PaymentEvent {
  return {
    id: row.id,
    paymentId: row.payment_id,
    uniqueReference: row.unique_reference,
    kind: row.kind,
    source: row.source,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    detail: row.detail,
    rawPayload: row.raw_payload,
    signature: recordedSignature(row.kind, row.bp_signature),
    at: row.at,
  };
}

const PATCH_COLUMNS: Record<keyof PaymentPatch, string> = {
  kushkiStatus: 'kushki_status',
  transactionId: 'transaction_id',
  authorizationCode: 'authorization_code',
  cardBrand: 'card_brand',
  cardLast4: 'card_last4',
  cardSignature: 'card_signature',
  failureReason: 'failure_reason',
  cancelRequested: 'cancel_requested',
  nextCheckAt: 'next_check_at',
  checkCount: 'check_count',
};

/** Payments and their append-only ledger on SQLite. */
export class SqlitePaymentsRepo implements PaymentsRepo {
  private readonly s;

  constructor(private readonly db: Database) {
    this.s = {
      byId: db.prepare<[number], PaymentRow>(`SELECT * FROM payments WHERE id = ?`),
      byReference: db.prepare<[string], PaymentRow>(`SELECT * FROM payments WHERE unique_reference = ?`),
      forSale: db.prepare<[number], PaymentRow>(`SELECT * FROM payments WHERE sale_id = ? ORDER BY id`),
      unresolved: db.prepare<[], PaymentRow>(
        `SELECT * FROM payments WHERE status IN ('requested', 'sent', 'unknown', 'refund_requested') ORDER BY id`,
      ),
      due: db.prepare<[number], PaymentRow>(
        `SELECT * FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at`,
      ),
      nextDue: db.prepare<[], { at: number | null }>(`SELECT MIN(next_check_at) AS at FROM payments`),
      insert: db.prepare(
        `INSERT INTO payments (sale_id, method, status, amount_centavos, tip_centavos, msi, tendered_centavos,
           change_centavos, identifier, unique_reference, terminal_serial, ttl_seconds, created_by, created_at,
           updated_at, next_check_at)
         VALUES (@saleId, @method, @status, @amount, @tip, @msi, @tendered, @change, @identifier, @uniqueReference,
           @terminalSerial, @ttlSeconds, @createdBy, @now, @now, @nextCheckAt)`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO payment_events (payment_id, unique_reference, external_id, kind, source, from_status, to_status,
           detail, raw_payload, bp_signature, actor_user_id, at)
         VALUES (@paymentId, @uniqueReference, @externalId, @kind, @source, @fromStatus, @toStatus, @detail,
           @rawPayload, @signature, @actorUserId, @at)
         ON CONFLICT (external_id) DO NOTHING`,
      ),
      events: db.prepare<[number], EventRow>(`SELECT * FROM payment_events WHERE payment_id = ? ORDER BY id`),
      unmatched: db.prepare<[number], EventRow>(
        `SELECT * FROM payment_events WHERE payment_id IS NULL ORDER BY id DESC LIMIT ?`,
      ),
      // On the partial index of unmatched rows; verified ones are not counted (they cannot be forged).
      unmatchedToReview: db.prepare<[], { n: number }>(
        `SELECT COUNT(*) AS n FROM payment_events e
         WHERE e.payment_id IS NULL AND e.kind = 'webhook' AND e.bp_signature IS NOT 'verified'
           AND NOT EXISTS (SELECT 1 FROM webhook_reviews w WHERE w.event_id = e.id)`,
      ),
      overflow: db.prepare(
        `INSERT INTO unmatched_webhook_overflow (day, kind, count, first_at, last_at)
         VALUES (@day, @kind, 1, @at, @at)
         ON CONFLICT (day, kind) DO UPDATE SET count = count + 1, last_at = MAX(last_at, excluded.last_at)`,
      ),
    };
  }

  /** Runs `work` in one IMMEDIATE transaction. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  get(id: number): Payment | undefined {
    const row = this.s.byId.get(id);
    return row ? paymentFromRow(row) : undefined;
  }

  byReference(uniqueReference: string): Payment | undefined {
    const row = this.s.byReference.get(uniqueReference);
    return row ? paymentFromRow(row) : undefined;
  }

  forSale(saleId: number): Payment[] {
    return this.s.forSale.all(saleId).map(paymentFromRow);
  }

  /** Payments whose outcome (or refund) is not settled: the start-up reconciliation list. */
  unresolved(): Payment[] {
    return this.s.unresolved.all().map(paymentFromRow);
  }

  /** Payments whose next verification is due at `now`. */
  dueForCheck(now: number): Payment[] {
    return this.s.due.all(now).map(paymentFromRow);
  }

  /** The earliest scheduled verification, if any. */
  nextCheckAt(): number | null {
    return this.s.nextDue.get()?.at ?? null;
  }

  insert(payment: NewPayment, now: number): Payment {
    const id = Number(
      this.s.insert.run({
        saleId: payment.saleId,
        method: payment.method,
        status: payment.status,
        amount: payment.amount,
        tip: payment.tip ?? 0,
        msi: payment.msi ?? 0,
        tendered: payment.tendered ?? null,
        change: payment.change ?? null,
        identifier: payment.identifier ?? null,
        uniqueReference: payment.uniqueReference ?? null,
        terminalSerial: payment.terminalSerial ?? null,
        ttlSeconds: payment.ttlSeconds ?? null,
        createdBy: payment.createdBy ?? null,
        nextCheckAt: payment.nextCheckAt ?? null,
        now,
      }).lastInsertRowid,
    );
    return this.get(id)!;
  }

  /**
   * Moves a payment from `from` to `to` with optional fields, only if it is still in `from`
   * (optimistic check: a concurrent change wins and this one reports false).
   */
  transition(id: number, from: string, to: string, patch: PaymentPatch, now: number): boolean {
    const { sql, values } = this.patchSql(patch);
    const result = this.db
      .prepare(`UPDATE payments SET status = @to, updated_at = @now${sql} WHERE id = @id AND status = @from`)
      .run({ ...values, id, from, to, now });
    return result.changes === 1;
  }

  /** Updates fields without a status change. */
  patch(id: number, patch: PaymentPatch, now: number): void {
    const { sql, values } = this.patchSql(patch);
    this.db.prepare(`UPDATE payments SET updated_at = @now${sql} WHERE id = @id`).run({ ...values, id, now });
  }

  private patchSql(patch: PaymentPatch) {
    const values: Record<string, unknown> = {};
    let sql = '';
    for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof PaymentPatch, string][]) {
      if (!(key in patch)) continue;
      const value = patch[key];
      values[key] = typeof value === 'boolean' ? (value ? 1 : 0) : (value ?? null);
      sql += `, ${column} = @${key}`;
    }
    return { sql, values };
  }

  /** Appends to the ledger; false when an event with the same external id is already stored. */
  appendEvent(event: NewPaymentEvent, now: number): boolean {
    const result = this.s.insertEvent.run({
      paymentId: event.paymentId,
      uniqueReference: event.uniqueReference ?? null,
      externalId: event.externalId ?? null,
      kind: event.kind,
      source: event.source,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      detail: event.detail ?? null,
      rawPayload: event.rawPayload ?? null,
      signature: event.signature ?? null,
      actorUserId: event.actorUserId ?? null,
      at: now,
    });
    return result.changes === 1;
  }

  events(paymentId: number): PaymentEvent[] {
    return this.s.events.all(paymentId).map(paymentEventFromRow);
  }

  /** The latest inbound events that matched no payment. */
  unmatchedEvents(limit = 100): PaymentEvent[] {
    return this.s.unmatched.all(limit).map(paymentEventFromRow);
  }

  /** Unmatched webhook rows kept in full, not verified and not yet reviewed by a manager. */
  unmatchedToReview(): number {
    return this.s.unmatchedToReview.get()?.n ?? 0;
  }

  /** Counts one unmatched webhook that was not kept in full. */
  countUnmatchedOverflow(day: string, kind: UnmatchedKind, at: number): void {
    this.s.overflow.run({ day, kind, at });
  }
}
