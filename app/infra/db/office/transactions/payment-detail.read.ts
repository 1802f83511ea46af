/**
 * The payment detail's read model: the payment, its sale, its ledger rows (payment_events) and the
 * audit entries whose subject is `payment:<id>`, each with the acting user's name.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { PaymentDetailView, SaleSummary } from '../../../../domain/office/transactions';
import type { WebhookSignature } from '../../../../domain/payment';
import { recordedSignature } from '../../../../domain/office/webhook-marks';
import type {
  AuditRecord,
  LedgerRecord,
  PaymentDetailReadModel,
} from '../../../../ports/transactions-read.port';
import { ROW_COLUMNS, ROW_JOINS, transactionRowFromRecord, type RowRecord } from './transactions.read';

/** A ledger row as selected, before the signature is read. */
type LedgerRow = Omit<LedgerRecord, 'signature'> & { bpSignature: string | null };

interface PaymentRecord extends RowRecord {
  identifier: string | null;
  transaction_id: string | null;
  kushki_status: string | null;
  failure_reason: string | null;
  msi: number;
  tendered_centavos: number | null;
  change_centavos: number | null;
  updated_at: number;
  card_signature: string | null;
}

/** Reads one payment's detail. */
export class SqlitePaymentDetailReadModel implements PaymentDetailReadModel {
  private readonly s: Record<'payment' | 'sale' | 'lines' | 'salePayments' | 'ledger' | 'audit', Statement>;

  constructor(db: Database) {
    this.s = {
      payment: db.prepare(`SELECT ${ROW_COLUMNS}, p.identifier, p.transaction_id, p.kushki_status,
          p.failure_reason, p.msi, p.tendered_centavos, p.change_centavos, p.updated_at, p.card_signature
        FROM payments p ${ROW_JOINS} WHERE p.id = ?`),
      sale: db.prepare(`SELECT s.id, s.status, s.total_centavos AS total, s.iva_centavos AS iva,
          s.opened_at AS openedAt, s.completed_at AS completedAt, u.name AS cashierName
        FROM sales s LEFT JOIN users u ON u.id = s.cashier_id WHERE s.id = ?`),
      lines:
        db.prepare(`SELECT name, quantity, unit_price_centavos AS unitPrice, quantity_milli AS quantityMilli, unit
        FROM sale_lines WHERE sale_id = ? ORDER BY id LIMIT 100`),
      salePayments: db.prepare(`SELECT id, method, status, amount_centavos AS amount
        FROM payments WHERE sale_id = ? ORDER BY id`),
      ledger: db.prepare(`SELECT e.id, e.at, e.kind, e.source, e.from_status AS fromStatus,
          e.to_status AS toStatus, e.detail, e.raw_payload AS rawPayload, u.name AS actorName,
          e.bp_signature AS bpSignature
        FROM payment_events e LEFT JOIN users u ON u.id = e.actor_user_id
        WHERE e.payment_id = ? ORDER BY e.id`),
      audit: db.prepare(`SELECT a.id, a.at, a.action, a.details, u.name AS actorName,
          rg.name AS registerName
        FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
        LEFT JOIN registers rg ON rg.id = a.register_id
        WHERE a.subject = ? ORDER BY a.id`),
    };
  }

  /** The payment and its sale, or undefined when no such payment exists. */
  payment(paymentId: number): Omit<PaymentDetailView, 'timeline'> | undefined {
    const r = this.s.payment.get(paymentId) as PaymentRecord | undefined;
    if (!r) return undefined;
    const sale = this.s.sale.get(r.sale_id) as Omit<SaleSummary, 'lines' | 'payments'>;
    return {
      payment: {
        ...transactionRowFromRecord(r),
        identifier: r.identifier,
        transactionId: r.transaction_id,
        kushkiStatus: r.kushki_status,
        failureReason: r.failure_reason,
        msi: r.msi,
        tendered: r.tendered_centavos,
        change: r.change_centavos,
        updatedAt: r.updated_at,
        cardSignature: (r.card_signature as WebhookSignature | null) ?? null,
      },
      sale: {
        ...sale,
        lines: this.s.lines.all(r.sale_id) as SaleSummary['lines'],
        payments: this.s.salePayments.all(r.sale_id) as SaleSummary['payments'],
      },
    };
  }

  /** The payment's ledger, in the order it was written. */
  ledger(paymentId: number): LedgerRecord[] {
    return (this.s.ledger.all(paymentId) as LedgerRow[]).map(({ bpSignature, ...row }) => ({
      ...row,
      signature: recordedSignature(row.kind, bpSignature),
    }));
  }

  /** Audit entries whose subject is the payment. */
  audit(paymentId: number): AuditRecord[] {
    return this.s.audit.all(`payment:${paymentId}`) as AuditRecord[];
  }
}
